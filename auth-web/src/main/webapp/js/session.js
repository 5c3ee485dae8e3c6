import { ApiError } from './api.js';
import { announce } from './ui.js';
import { go } from './router.js';

// The signed-in user, or null. The session itself lives in an HttpOnly cookie the page cannot read.
export const session = { user: null };

export function isAdmin() {
    return session.user?.roles.includes('admin') ?? false;
}

export function signedIn(user) {
    session.user = user;
    go('/dashboard');
}

export function signedOut(message) {
    session.user = null;
    if (message) announce(message);
    go('/sign-in');
}

/** Any API failure: a lost session sends the user to sign in, anything else is announced. */
export function failed(error) {
    if (error instanceof ApiError && error.status === 401) {
        signedOut('Your session has ended. Please sign in again.');
    } else {
        announce(error.message, 'error');
    }
}
