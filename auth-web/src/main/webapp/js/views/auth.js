import { api, fetchCsrfCookie } from '../api.js';
import { h, field, newPasswordFields } from '../ui.js';
import { onSubmit } from '../forms.js';
import { go } from '../router.js';
import { signedIn, signedOut } from '../session.js';

// The token and address from a password reset mail. The link opens /reset-password?token=…&email=…; the page
// keeps both in memory and takes them out of the address bar and the history at once.
const resetLink = { token: null, email: null };

export function takeResetLinkFromAddress() {
    if (!location.pathname.endsWith('/reset-password')) return;
    const params = new URLSearchParams(location.search);
    resetLink.token = params.get('token');
    resetLink.email = params.get('email');
    history.replaceState(null, '', new URL('./#/reset-password', location.href));
}

function brand() {
    return h('div', { class: 'auth-brand' }, h('img', { src: 'favicon.svg', alt: '', width: 36, height: 36 }), 'Lanyard');
}

function authCard(title, lead, ...content) {
    return h('div', { class: 'card' }, h('h1', { tabindex: '-1' }, title), h('p', { class: 'lead' }, lead), content);
}

function authPage(card, ...footer) {
    return h('div', { class: 'auth' },
        h('div', { class: 'auth-card' }, brand(), card, h('p', { class: 'auth-switch' }, footer)));
}

function backToSignIn() {
    return ['Remembered it?', ' ', h('a', { href: '#/sign-in' }, 'Back to sign in')];
}

/**
 * A form that posts its fields (plus extra) to path. There is no session yet to lose, so an error no field owns
 * goes to the form's alert, which screen readers announce.
 */
function postingForm({ fields, submit, path, extra = () => ({}), onSuccess }) {
    const alert = h('div', { role: 'alert' });
    const form = h('form', {}, alert, fields, h('button', { class: 'btn btn-block', type: 'submit' }, submit));
    return onSubmit(form, async (body) => {
        // Signing in starts a new session, and with it a new CSRF token.
        await fetchCsrfCookie();
        await onSuccess(await api(path, { method: 'POST', body: { ...body, ...extra() } }));
    }, { alert });
}

export async function signInView() {
    const page = h('div', {});
    const password = field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password',
        required: true });
    password.append(h('p', { class: 'field-link' }, h('a', { href: '#/forgot-password' }, 'Forgot your password?')));
    const form = postingForm({
        fields: [field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'username', required: true }),
            password],
        submit: 'Sign in',
        path: 'spa/login',
        onSuccess: (reply) => {
            if (!reply.two_factor) return signedIn(reply.user);
            showTwoFactorStep(page, reply.challenge, false);
            return undefined;
        },
    });
    page.append(authPage(authCard('Sign in', 'Manage your API tokens and account.', form),
        'New to Lanyard?', ' ', h('a', { href: '#/register' }, 'Create an account')));
    return page;
}

/** The second step of a sign-in: a code from the authenticator app, or one of the recovery codes. */
function showTwoFactorStep(page, challenge, withRecoveryCode) {
    const other = h('button', { class: 'btn-link', type: 'button',
        onclick: () => showTwoFactorStep(page, challenge, !withRecoveryCode) },
    withRecoveryCode ? 'Use a code from your authenticator app' : 'Use a recovery code');
    const input = withRecoveryCode
        ? field({ label: 'Recovery code', name: 'recovery_code', autocomplete: 'off', required: true,
            attrs: { spellcheck: 'false', autocapitalize: 'none' } })
        : field({ label: 'Code', name: 'code', autocomplete: 'one-time-code', required: true,
            attrs: { inputmode: 'numeric', pattern: '[0-9]*', maxlength: '6', class: 'code-input' } });
    const form = postingForm({
        fields: [input],
        submit: 'Verify',
        path: 'spa/two-factor-challenge',
        extra: () => ({ challenge }),
        onSuccess: (reply) => signedIn(reply.user),
    });
    page.replaceChildren(authPage(authCard('Two-factor authentication', withRecoveryCode
        ? 'Enter one of the recovery codes you saved when you turned on two-factor authentication. Each works once.'
        : 'Enter the 6-digit code from your authenticator app.', form, h('p', { class: 'auth-alt' }, other)),
    'Not you?', ' ', h('button', { class: 'btn-link', type: 'button', onclick: () => go('/sign-in') }, 'Start over')));
    page.querySelector('h1').focus();
}

export async function registerView() {
    const form = postingForm({
        fields: [
            field({ label: 'Name', name: 'name', autocomplete: 'name', required: true }),
            field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'email', required: true }),
            ...newPasswordFields(),
        ],
        submit: 'Create account',
        path: 'spa/register',
        onSuccess: (reply) => signedIn(reply.user),
    });
    return authPage(authCard('Create your account', 'One account, API tokens for all your scripts and apps.', form),
        'Already have an account?', ' ', h('a', { href: '#/sign-in' }, 'Sign in'));
}

export async function forgotPasswordView() {
    const status = h('div', { role: 'status' });
    const form = postingForm({
        fields: [field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'email', required: true })],
        submit: 'Email me a reset link',
        path: 'forgot-password',
        // The answer is the same whether or not the address is registered; the page shows just that.
        onSuccess: (reply) => {
            form.remove();
            status.replaceChildren(h('div', { class: 'alert alert-info' }, reply.message));
        },
    });
    return authPage(authCard('Forgot your password?',
        'Enter the email address of your account and we will send you a link to choose a new password.', status,
        form), ...backToSignIn());
}

export async function resetPasswordView() {
    if (!resetLink.token) {
        return authPage(authCard('Reset your password', 'This page needs the link from your password reset mail.',
            h('div', { class: 'alert alert-error' }, 'The link is incomplete or was already used here. ',
                h('a', { href: '#/forgot-password' }, 'Ask for a new one.'))), ...backToSignIn());
    }
    const form = postingForm({
        fields: [
            field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'username', required: true,
                value: resetLink.email ?? '' }),
            ...newPasswordFields('New password'),
        ],
        submit: 'Reset password',
        path: 'reset-password',
        extra: () => ({ token: resetLink.token }),
        onSuccess: (reply) => {
            resetLink.token = null;
            resetLink.email = null;
            signedOut(reply.message);
        },
    });
    return authPage(authCard('Choose a new password',
        'Every session and API token of yours is signed out once the new password is set.', form),
    ...backToSignIn());
}
