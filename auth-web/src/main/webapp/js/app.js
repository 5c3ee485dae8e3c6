// The entry: the routes and their views, the page's frame, and the start. Only this module imports views; they
// reach the session and navigation through session.js and router.js.
import { api } from './api.js';
import { h } from './ui.js';
import { currentPath, start } from './router.js';
import { session, isAdmin, signedOut, failed } from './session.js';
import { signInView, registerView, forgotPasswordView, resetPasswordView, takeResetLinkFromAddress }
    from './views/auth.js';
import { dashboardView } from './views/dashboard.js';
import { tokensView } from './views/tokens.js';
import { adminView } from './views/admin.js';
import { accountView } from './views/account.js';

const routes = {
    '/sign-in': { view: signInView, guest: true },
    '/register': { view: registerView, guest: true },
    '/forgot-password': { view: forgotPasswordView, title: 'Forgot password', guest: true },
    // Open to a signed-in user too: a reset link from a mail works whoever is signed in here.
    '/reset-password': { view: resetPasswordView, title: 'Reset password', open: true },
    '/dashboard': { view: dashboardView, title: 'Dashboard' },
    '/tokens': { view: tokensView, title: 'API tokens' },
    '/account': { view: accountView, title: 'Account security' },
    '/admin': { view: adminView, title: 'Admin', admin: true },
};

function renderShell(path) {
    const topbar = document.getElementById('topbar');
    topbar.hidden = !session.user;
    if (!session.user) return;
    const links = [['/dashboard', 'Dashboard'], ['/tokens', 'API tokens'], ['/account', 'Security']];
    if (isAdmin()) links.push(['/admin', 'Admin']);
    document.getElementById('nav').replaceChildren(...links.map(([href, label]) => h('li', {},
        h('a', { href: `#${href}`, 'aria-current': href === path ? 'page' : false }, label))));
    const initials = session.user.name.split(/\s+/).map((w) => w[0]).join('').slice(0, 2).toUpperCase();
    document.getElementById('account').replaceChildren(
        h('div', { class: 'avatar', 'aria-hidden': 'true' }, initials),
        h('div', {}, h('div', { class: 'account-name' }, session.user.name),
            h('div', { class: 'account-email', title: session.user.email }, session.user.email)),
        h('button', { class: 'btn btn-secondary', type: 'button', onclick: signOut }, 'Sign out'));
}

async function signOut() {
    try {
        await api('spa/logout', { method: 'POST' });
        signedOut('You are signed out.');
    } catch (error) {
        failed(error);
    }
}

async function render() {
    let route = routes[currentPath()] || routes['/dashboard'];
    if (!route.guest && !route.open && !session.user) route = routes['/sign-in'];
    else if (route.guest && session.user) route = routes['/dashboard'];
    else if (route.admin && !isAdmin()) route = routes['/dashboard'];
    const current = Object.keys(routes).find((key) => routes[key] === route);
    renderShell(current);
    document.title = route.title ? `${route.title} · Lanyard` : 'Lanyard';
    const main = document.getElementById('main');
    main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
        main.replaceChildren(await route.view());
    } catch (error) {
        failed(error);
        return;
    }
    // Move focus to the new page's heading, so keyboard and screen-reader users start there.
    (main.querySelector('h1') || main).focus();
}

async function boot() {
    takeResetLinkFromAddress();
    try {
        session.user = await api('user');
    } catch (error) {
        session.user = null;
    }
    start(render);
}

boot();
