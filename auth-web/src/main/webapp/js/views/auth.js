import { api, ApiError, fetchCsrfCookie } from '../api.js';
import { h, field, showErrors } from '../ui.js';
import { signedIn } from '../app.js';

function brand() {
    return h('div', { class: 'auth-brand' }, h('img', { src: 'favicon.svg', alt: '', width: 36, height: 36 }), 'Lanyard');
}

function authForm({ title, lead, fields, submit, path, switchText, switchLink, switchLabel }) {
    const alert = h('div', { role: 'alert' });
    const button = h('button', { class: 'btn btn-block', type: 'submit' }, submit);
    const form = h('form', { novalidate: true }, alert, fields, button);
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        button.disabled = true;
        alert.replaceChildren();
        const body = Object.fromEntries(new FormData(form));
        try {
            await fetchCsrfCookie();
            const reply = await api(path, { method: 'POST', body });
            signedIn(reply.user);
        } catch (error) {
            if (error instanceof ApiError && error.status === 422) showErrors(form, error.errors);
            else alert.replaceChildren(h('div', { class: 'alert alert-error' }, error.message));
            button.disabled = false;
        }
    });
    return h('div', { class: 'auth' },
        h('div', { class: 'auth-card' }, brand(),
            h('div', { class: 'card' }, h('h1', { tabindex: '-1' }, title), h('p', { class: 'lead' }, lead), form),
            h('p', { class: 'auth-switch' }, switchText, ' ', h('a', { href: switchLink }, switchLabel))));
}

export async function signInView() {
    return authForm({
        title: 'Sign in',
        lead: 'Manage your API tokens and account.',
        fields: [
            field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'username', required: true }),
            field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
        ],
        submit: 'Sign in',
        path: 'spa/login',
        switchText: 'New to Lanyard?',
        switchLink: '#/register',
        switchLabel: 'Create an account',
    });
}

export async function registerView() {
    return authForm({
        title: 'Create your account',
        lead: 'One account, API tokens for all your scripts and apps.',
        fields: [
            field({ label: 'Name', name: 'name', autocomplete: 'name', required: true }),
            field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'email', required: true }),
            field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'new-password',
                hint: '(8 characters or more)', required: true }),
            field({ label: 'Confirm password', name: 'password_confirmation', type: 'password',
                autocomplete: 'new-password', required: true }),
        ],
        submit: 'Create account',
        path: 'spa/register',
        switchText: 'Already have an account?',
        switchLink: '#/sign-in',
        switchLabel: 'Sign in',
    });
}
