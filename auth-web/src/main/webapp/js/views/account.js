import { api } from '../api.js';
import { h, field, announce, pageHead, time, newPasswordFields } from '../ui.js';
import { onSubmit } from '../forms.js';
import { session, failed } from '../session.js';

export async function accountView() {
    const [user, twoFactor, sessions] = await Promise.all([api('user'), api('user/two-factor-authentication'),
        api('user/sessions')]);
    session.user = user;
    const sessionsSlot = h('div', {});
    const refreshSessions = async () => {
        sessionsSlot.replaceChildren(sessionsCard((await api('user/sessions')).sessions, refreshSessions));
    };
    sessionsSlot.append(sessionsCard(sessions.sessions, refreshSessions));
    const twoFactorSlot = h('div', {});
    twoFactorSlot.append(twoFactorCard(twoFactor, twoFactorSlot, refreshSessions));
    return h('div', {},
        pageHead('Account security', 'Your password, your email address, two-factor authentication and where you'
            + ' are signed in.'),
        passwordCard(),
        emailCard(user),
        twoFactorSlot,
        sessionsSlot);
}

/** Every browser signed in to the account, as Jetstream's "Browser Sessions" shows them (ASVS 5.0 §7.5.2). */
function sessionsCard(sessions, refresh) {
    const rows = sessions.map((s) => h('tr', { 'data-session-id': s.id },
        h('td', {}, h('span', { class: 'session-agent', title: s.user_agent || '' }, s.user_agent || 'Unknown browser'),
            s.current ? h('span', { class: 'badge ok' }, 'This browser') : null),
        h('td', {}, s.ip || '—'),
        h('td', {}, time(s.created_at)),
        h('td', {}, time(s.last_active_at)),
        h('td', {}, s.current ? null : h('button', { class: 'btn btn-ghost danger', type: 'button',
            'aria-label': `End the session from ${s.ip || 'an unknown address'} (${s.id})`,
            onclick: () => endSession(s, refresh) }, 'End session'))));
    const table = h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Your browser sessions'),
        h('thead', {}, h('tr', {}, ['Browser', 'Address', 'Signed in', 'Last active', ''].map((label) =>
            h('th', { scope: 'col' }, label || h('span', { class: 'visually-hidden' }, 'Actions'))))),
        h('tbody', {}, rows)));
    return card('sessions-title', 'Browser sessions',
        'Where you are signed in. Sign out any browser you do not recognise, or all of them but this one.',
        table,
        h('div', { class: 'actions' }, h('button', { class: 'btn btn-secondary', type: 'button',
            onclick: () => offerLogoutOthers(refresh) }, 'Sign out everywhere else')));
}

async function endSession(s, refresh) {
    try {
        await api(`user/sessions/${s.id}`, { method: 'DELETE' });
        announce('That browser is signed out.');
        await refresh();
    } catch (error) {
        failed(error);
    }
}

/** Ends every other browser session, and on request every API token, once the password is given. */
function offerLogoutOthers(refresh, title = 'Sign out everywhere else?') {
    passwordDialog({
        title,
        text: 'Every other browser signed in to your account is signed out. Enter your password to confirm.',
        confirmLabel: 'Sign out other browsers',
        danger: false,
        passwordName: 'current_password',
        extra: h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'tokens' }),
            h('span', {}, 'Revoke my API tokens too')),
        submit: async (body) => {
            const reply = await api('user/sessions/logout-others', { method: 'POST',
                body: { current_password: body.current_password, tokens: body.tokens === 'on' } });
            announce(reply.message);
            await refresh();
        },
    });
}

function card(id, title, text, ...content) {
    return h('section', { class: 'card', 'aria-labelledby': id },
        h('div', { class: 'card-head' }, h('div', {}, h('h2', { id, tabindex: '-1' }, title), h('p', {}, text))),
        content);
}

/** A polite message inside a card, for what a form achieved. */
function statusLine() {
    return h('div', { role: 'status', 'aria-live': 'polite' });
}

function success(line, message) {
    line.replaceChildren(h('div', { class: 'alert alert-success' }, message));
}

function passwordCard() {
    const line = statusLine();
    const form = h('form', {},
        field({ label: 'Current password', name: 'current_password', type: 'password',
            autocomplete: 'current-password', required: true }),
        h('div', { class: 'form-row even' }, newPasswordFields('New password')),
        h('div', { class: 'actions' }, h('button', { class: 'btn', type: 'submit' }, 'Change password')));
    onSubmit(form, async (body) => {
        line.replaceChildren();
        await api('user/password', { method: 'PUT', body });
        form.reset();
        success(line, 'Password changed. Every other browser and every API token of yours has been signed out;'
            + ' this browser stays signed in.');
    });
    return card('password-title', 'Change password',
        'Changing it signs out your other browsers and revokes your API tokens.', line, form);
}

function emailCard(user) {
    const line = statusLine();
    const verified = Boolean(user.email_verified_at);
    const button = h('button', { class: 'btn btn-secondary', type: 'button', onclick: async () => {
        button.disabled = true;
        try {
            const reply = await api('email/verification-notification', { method: 'POST' });
            success(line, reply.message);
        } catch (error) {
            failed(error);
        } finally {
            button.disabled = false;
        }
    } }, 'Resend verification email');
    return card('email-title', 'Email address', verified
        ? 'Your address is verified.'
        : 'Open the link in the mail we sent you to verify your address.',
    h('div', { class: 'setting' },
        h('div', {}, h('div', { class: 'setting-name' }, user.email),
            verified
                ? h('div', { class: 'muted' }, h('span', { class: 'badge ok' }, 'Verified'), ' ', time(user.email_verified_at))
                : h('span', { class: 'badge warn' }, 'Not verified')),
        verified ? null : button),
    line);
}

/** The second factor as it stands: off, set up but not confirmed, or on. */
function twoFactorCard(status, slot, refreshSessions) {
    const show = (next) => {
        slot.replaceChildren(twoFactorCard(next, slot, refreshSessions));
        slot.querySelector('h2').focus();
    };
    const refresh = async () => show(await api('user/two-factor-authentication'));
    // A factor changed: offer to end every other session (ASVS 5.0 §7.4.3).
    const changed = async () => {
        await refresh();
        offerLogoutOthers(refreshSessions, 'Two-factor authentication changed. Sign out everywhere else?');
    };
    const title = 'Two-factor authentication';
    if (status.confirmed) {
        return card('two-factor-title', title,
            'Signing in asks for a code from your authenticator app after your password.',
            h('div', { class: 'setting' },
                h('div', {}, h('span', { class: 'badge ok' }, 'On'), ' ',
                    h('span', { class: 'muted' }, `${status.recovery_codes_left} of 10 recovery codes left`)),
                h('div', { class: 'actions' },
                    h('button', { class: 'btn btn-secondary', type: 'button',
                        onclick: () => regenerate(slot, refresh) }, 'Regenerate recovery codes'),
                    h('button', { class: 'btn btn-danger', type: 'button', onclick: () => disable(changed) },
                        'Turn off'))));
    }
    const enable = h('button', { class: status.enabled ? 'btn btn-secondary' : 'btn', type: 'button',
        onclick: () => passwordDialog({
            title: status.enabled ? 'Start again with a new key?' : 'Turn on two-factor authentication?',
            text: 'You get a new key for your authenticator app and new recovery codes. Enter your password to'
                + ' continue.',
            confirmLabel: 'Continue',
            danger: false,
            submit: async (body) => {
                const enrolment = await api('user/two-factor-authentication', { method: 'POST', body });
                slot.replaceChildren(setupCard(enrolment, changed));
                slot.querySelector('h2').focus();
            },
        }) }, status.enabled ? 'Start again with a new key' : 'Turn on two-factor authentication');
    if (!status.enabled) {
        return card('two-factor-title', title,
            'Add a second step to signing in: a code from an authenticator app on your phone.',
            h('div', { class: 'setting' }, h('span', { class: 'badge' }, 'Off'), enable));
    }
    return card('two-factor-title', title,
        'Setup is not finished: enter a code from your authenticator app to turn it on.',
        confirmForm(changed), h('div', { class: 'actions' }, enable));
}

/** Shown once, right after enabling: the key for the app, the recovery codes, and the code that confirms. */
function setupCard(enrolment, refresh) {
    const secret = h('input', { type: 'text', readonly: true, value: enrolment.secret, id: 'two-factor-secret',
        'aria-label': 'Setup key', spellcheck: 'false' });
    return h('section', { class: 'card secret', 'aria-labelledby': 'two-factor-title' },
        h('h2', { id: 'two-factor-title', tabindex: '-1' }, 'Set up two-factor authentication'),
        h('p', {}, 'Two-factor authentication is not on yet. Three steps, and this page shows the key and the'
            + ' codes only this once.'),
        h('ol', { class: 'steps' },
            h('li', {}, h('h3', {}, 'Add Lanyard to your authenticator app'),
                h('p', {}, 'Enter this setup key in the app (time-based, 6 digits), or, on this device, ',
                    h('a', { href: enrolment.otpauth_url }, 'open it in your authenticator app'), '.'),
                h('div', { class: 'secret-row' }, secret, copyButton(() => enrolment.secret, 'Setup key'))),
            h('li', {}, h('h3', {}, 'Save your recovery codes'),
                h('p', {}, 'Each one signs you in once when you have no access to your app. Keep them somewhere safe.'),
                recoveryCodes(enrolment.recovery_codes)),
            h('li', {}, h('h3', {}, 'Enter a code from the app'), confirmForm(refresh))));
}

function confirmForm(refresh) {
    const form = h('form', { class: 'inline-form' },
        field({ label: 'Code', name: 'code', autocomplete: 'one-time-code', required: true,
            attrs: { inputmode: 'numeric', pattern: '[0-9]*', maxlength: '6', class: 'code-input' } }),
        h('button', { class: 'btn', type: 'submit' }, 'Confirm and turn on'));
    return onSubmit(form, async (body) => {
        const reply = await api('user/confirmed-two-factor-authentication', { method: 'POST', body });
        announce(reply.message);
        await refresh();
    });
}

function recoveryCodes(codes) {
    return h('div', { class: 'recovery' },
        h('ul', { class: 'codes', 'aria-label': 'Recovery codes' }, codes.map((code) => h('li', {}, h('code', {}, code)))),
        h('div', { class: 'actions' }, copyButton(() => codes.join('\n'), 'Recovery codes', 'Copy codes')));
}

function copyButton(text, what, label = 'Copy') {
    const button = h('button', { class: 'btn btn-secondary', type: 'button', onclick: async () => {
        try {
            await navigator.clipboard.writeText(text());
            button.textContent = 'Copied';
            announce(`${what} copied to the clipboard.`);
        } catch (error) {
            announce('Copying needs a secure (HTTPS) page here; select the text and copy it instead.', 'error');
        }
    } }, label);
    return button;
}

function regenerate(slot, refresh) {
    passwordDialog({
        title: 'Regenerate recovery codes?',
        text: 'You get 10 new codes; the old ones stop working at once. Enter your password to confirm.',
        confirmLabel: 'Regenerate codes',
        danger: false,
        submit: async (body) => {
            const reply = await api('user/two-factor-recovery-codes', { method: 'POST', body });
            const done = h('button', { class: 'btn', type: 'button', onclick: refresh }, 'I have saved them');
            slot.replaceChildren(h('section', { class: 'card secret', 'aria-labelledby': 'two-factor-title' },
                h('h2', { id: 'two-factor-title', tabindex: '-1' }, 'Your new recovery codes'),
                h('p', {}, 'Save them now: this page shows them only this once. Each signs you in once.'),
                recoveryCodes(reply.recovery_codes), h('div', { class: 'actions' }, done)));
            slot.querySelector('h2').focus();
        },
    });
}

/** Turning the second factor off takes the password. */
function disable(refresh) {
    passwordDialog({
        title: 'Turn off two-factor authentication?',
        text: 'Signing in will need only your password. Enter it to confirm.',
        confirmLabel: 'Turn off',
        danger: true,
        submit: async (body) => {
            const reply = await api('user/two-factor-authentication', { method: 'DELETE', body });
            announce(reply.message);
            await refresh();
        },
    });
}

/**
 * Every change of the second factor takes the password, asked for in a dialog that keeps its errors (a wrong
 * password, or too many tries); submit gets {password} and the dialog closes once it succeeds.
 */
function passwordDialog({ title, text, confirmLabel, danger, submit, passwordName = 'password', extra = null }) {
    const titleId = 'password-dialog-title';
    const form = h('form', {},
        h('div', { class: 'dialog-body' }, h('h2', { id: titleId }, title),
            h('p', {}, text),
            field({ label: 'Password', name: passwordName, type: 'password', autocomplete: 'current-password',
                required: true }),
            extra),
        h('div', { class: 'dialog-actions' },
            h('button', { class: 'btn btn-secondary', type: 'button', onclick: () => dialog.close() }, 'Cancel'),
            h('button', { class: danger ? 'btn btn-danger' : 'btn', type: 'submit' }, confirmLabel)));
    const dialog = h('dialog', { 'aria-labelledby': titleId }, form);
    onSubmit(form, async (body) => {
        await submit(body);
        dialog.close();
    });
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
}
