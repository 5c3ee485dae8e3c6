import { api } from '../api.js';
import { h, field, announce, confirmDialog, pageHead, time, chips } from '../ui.js';
import { abilitiesFor, abilityChecks, checkedAbilities } from '../abilities.js';
import { onSubmit } from '../forms.js';
import { session, failed, signedOut } from '../session.js';

export async function tokensView() {
    const page = h('div', {});
    const secretSlot = h('div', {});
    const listSlot = h('div', {});

    // Every user's token may hold the user's abilities; an admin's may hold "admin" too.
    const offered = await abilitiesFor(['user', ...session.user.roles]);

    async function refresh() {
        const { tokens } = await api('tokens');
        listSlot.replaceChildren(tokenTable(tokens, offered, refresh));
    }

    page.append(
        pageHead('API tokens', 'Tokens let scripts and other apps use the API on your behalf.'),
        secretSlot,
        createCard(offered, secretSlot, refresh),
        h('section', { class: 'card', 'aria-labelledby': 'list-title' },
            h('div', { class: 'card-head' }, h('div', {}, h('h2', { id: 'list-title' }, 'Your tokens'),
                h('p', {}, 'Revoke any token you no longer use; it stops working at once.'))),
            listSlot),
        dangerZone());
    await refresh();
    return page;
}

function createCard(offered, secretSlot, refresh) {
    const expiry = field({ label: 'Expires on', name: 'expires_at', type: 'date', hint: '(optional)' });
    expiry.querySelector('input').min = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
    const form = h('form', {},
        h('div', { class: 'form-row' },
            field({ label: 'Token name', name: 'name', required: true, hint: '(e.g. "deploy script")' }), expiry),
        abilityChecks({ name: 'abilities', abilities: offered, checked: ['read:posts'] }),
        h('div', { class: 'actions' }, h('button', { class: 'btn', type: 'submit' }, 'Create token')));
    onSubmit(form, async (body) => {
        const created = await api('tokens', { method: 'POST', body });
        form.reset();
        secretSlot.replaceChildren(secretPanel(created));
        secretSlot.querySelector('h2').focus();
        await refresh();
    }, { body: () => {
        const date = form.elements.expires_at.value;
        const body = { name: form.elements.name.value, abilities: checkedAbilities(form, 'abilities') };
        if (date) body.expires_at = new Date(`${date}T23:59:59`).toISOString();
        return body;
    } });
    return h('section', { class: 'card', 'aria-labelledby': 'create-title' },
        h('div', { class: 'card-head' }, h('div', {}, h('h2', { id: 'create-title' }, 'Create an API token'),
            h('p', {}, 'Give it only the abilities it needs.'))),
        form);
}

function secretPanel(created) {
    const input = h('input', { type: 'text', readonly: true, value: created.plain_text_token, id: 'new-token',
        'aria-label': 'Your new token', spellcheck: 'false' });
    const copy = h('button', { class: 'btn', type: 'button', onclick: async () => {
        input.select();
        try {
            await navigator.clipboard.writeText(input.value);
        } catch (error) {
            // Outside a secure context the asynchronous clipboard is missing; the selected text still copies.
            document.execCommand('copy');
        }
        copy.textContent = 'Copied';
        announce('Token copied to the clipboard.');
    } }, 'Copy');
    return h('section', { class: 'secret', 'aria-labelledby': 'secret-title' },
        h('h2', { id: 'secret-title', tabindex: '-1' }, `Token “${created.token.name}” created`),
        h('p', {}, 'Copy it now. For your security it is shown only this once; Lanyard keeps only a hash of it.'),
        h('div', { class: 'secret-row' }, input, copy),
        h('div', { class: 'actions' }, h('button', { class: 'btn btn-ghost', type: 'button',
            onclick: (event) => event.target.closest('.secret').remove() }, 'I have copied it')));
}

function tokenTable(tokens, offered, refresh) {
    if (!tokens.length) return h('p', { class: 'empty' }, 'No API tokens yet. Create one above.');
    return h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Your API tokens'),
        h('thead', {}, h('tr', {}, ['Name', 'Abilities', 'Created', 'Last used', 'Expires', ''].map((label) =>
            h('th', { scope: 'col' }, label ? label : h('span', { class: 'visually-hidden' }, 'Actions'))))),
        h('tbody', {}, tokens.map((token) => h('tr', { 'data-token-id': token.id },
            h('td', {}, h('span', { class: 'token-name' }, token.name)),
            h('td', {}, chips(token.abilities)),
            h('td', {}, time(token.created_at)),
            h('td', {}, lastUse(token)),
            h('td', {}, time(token.expires_at)),
            h('td', {}, h('div', { class: 'actions' },
                h('button', { class: 'btn btn-ghost', type: 'button', 'aria-label': `Edit abilities of ${token.name}`,
                    onclick: () => editAbilities(token, offered, refresh) }, 'Edit abilities'),
                h('button', { class: 'btn btn-ghost danger', type: 'button', 'aria-label': `Revoke ${token.name}`,
                    onclick: () => revoke(token, refresh) }, 'Revoke'))))))));
}

/** When, from which address and with which client the token was last used, as GitHub's token page says. */
function lastUse(token) {
    if (!token.last_used_at) return time(null);
    return h('div', { class: 'last-use' }, time(token.last_used_at),
        token.last_used_ip ? h('small', { class: 'last-use-ip' }, `from ${token.last_used_ip}`) : null,
        token.last_used_user_agent
            ? h('small', { class: 'last-use-agent', title: token.last_used_user_agent }, token.last_used_user_agent)
            : null);
}

function editAbilities(token, offered, refresh) {
    const titleId = `edit-${token.id}`;
    const form = h('form', {},
        h('div', { class: 'dialog-body' }, h('h2', { id: titleId }, `Abilities of “${token.name}”`),
            h('p', {}, 'Apps using this token get the new abilities on their next request.'),
            abilityChecks({ name: 'abilities', abilities: offered, checked: token.abilities })),
        h('div', { class: 'dialog-actions' },
            h('button', { class: 'btn btn-secondary', type: 'button', onclick: () => dialog.close() }, 'Cancel'),
            h('button', { class: 'btn', type: 'submit' }, 'Save abilities')));
    const dialog = h('dialog', { 'aria-labelledby': titleId }, form);
    onSubmit(form, async (body) => {
        await api(`tokens/${token.id}`, { method: 'PATCH', body });
        dialog.close();
        announce(`Abilities of “${token.name}” saved.`);
        await refresh();
    }, { body: () => ({ abilities: checkedAbilities(form, 'abilities') }) });
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
}

async function revoke(token, refresh) {
    const confirmed = await confirmDialog({
        title: `Revoke “${token.name}”?`,
        text: 'Anything using this token loses access immediately. This cannot be undone.',
        confirmLabel: 'Revoke token',
    });
    if (!confirmed) return;
    try {
        await api(`tokens/${token.id}`, { method: 'DELETE' });
        announce(`Token “${token.name}” revoked.`);
        await refresh();
    } catch (error) {
        failed(error);
    }
}

function dangerZone() {
    return h('section', { class: 'card danger-zone', 'aria-labelledby': 'danger-title' },
        h('div', { class: 'card-head' },
            h('div', {}, h('h2', { id: 'danger-title' }, 'Log out everywhere'),
                h('p', {}, 'Revokes every API token and ends every browser session of yours, this one included.')),
            h('button', { class: 'btn btn-danger', type: 'button', onclick: logoutEverywhere }, 'Log out everywhere')));
}

async function logoutEverywhere() {
    const confirmed = await confirmDialog({
        title: 'Log out everywhere?',
        text: 'Every API token stops working and every browser, this one too, is signed out.',
        confirmLabel: 'Log out everywhere',
    });
    if (!confirmed) return;
    try {
        const reply = await api('logout-all', { method: 'POST' });
        signedOut(reply.message);
    } catch (error) {
        failed(error);
    }
}
