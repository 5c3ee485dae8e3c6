import { api, ApiError } from '../api.js';
import { h, field, showErrors, announce, confirmDialog, pageHead, time, chips } from '../ui.js';
import { ABILITIES, ADMIN_ABILITY } from '../abilities.js';
import { isAdmin, failed, signedOut } from '../app.js';

function offered() {
    return isAdmin() ? [...ABILITIES, ADMIN_ABILITY] : ABILITIES;
}

function abilityChecks(name, checked = []) {
    const all = checked.includes('*');
    return h('fieldset', {},
        h('legend', {}, 'Abilities'),
        h('div', { class: 'checks' }, offered().map((ability) => h('label', { class: 'check' },
            h('input', { type: 'checkbox', name, value: ability.name, checked: all || checked.includes(ability.name) }),
            h('span', {}, h('code', {}, ability.name), h('small', {}, ability.description))))));
}

function checkedAbilities(form, name) {
    return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
}

export async function tokensView() {
    const page = h('div', {});
    const secretSlot = h('div', {});
    const listSlot = h('div', {});

    async function refresh() {
        const { tokens } = await api('tokens');
        listSlot.replaceChildren(tokenTable(tokens, refresh));
    }

    page.append(
        pageHead('API tokens', 'Tokens let scripts and other apps use the API on your behalf.'),
        secretSlot,
        createCard(secretSlot, refresh),
        h('section', { class: 'card', 'aria-labelledby': 'list-title' },
            h('div', { class: 'card-head' }, h('div', {}, h('h2', { id: 'list-title' }, 'Your tokens'),
                h('p', {}, 'Revoke any token you no longer use; it stops working at once.'))),
            listSlot),
        dangerZone());
    await refresh();
    return page;
}

function createCard(secretSlot, refresh) {
    const expiry = field({ label: 'Expires on', name: 'expires_at', type: 'date', hint: '(optional)' });
    expiry.querySelector('input').min = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
    const button = h('button', { class: 'btn', type: 'submit' }, 'Create token');
    const form = h('form', { novalidate: true },
        h('div', { class: 'form-row' },
            field({ label: 'Token name', name: 'name', required: true, hint: '(e.g. "deploy script")' }), expiry),
        abilityChecks('abilities', ['read:posts']),
        h('div', { class: 'actions' }, button));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        button.disabled = true;
        const date = form.elements.expires_at.value;
        const body = { name: form.elements.name.value, abilities: checkedAbilities(form, 'abilities') };
        if (date) body.expires_at = new Date(`${date}T23:59:59`).toISOString();
        try {
            const created = await api('tokens', { method: 'POST', body });
            form.reset();
            showErrors(form, {});
            secretSlot.replaceChildren(secretPanel(created));
            secretSlot.querySelector('h2').focus();
            await refresh();
        } catch (error) {
            if (error instanceof ApiError && error.status === 422) showErrors(form, error.errors);
            else failed(error);
        } finally {
            button.disabled = false;
        }
    });
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

function tokenTable(tokens, refresh) {
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
                    onclick: () => editAbilities(token, refresh) }, 'Edit abilities'),
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

function editAbilities(token, refresh) {
    const titleId = `edit-${token.id}`;
    const form = h('form', { method: 'dialog' },
        h('div', { class: 'dialog-body' }, h('h2', { id: titleId }, `Abilities of “${token.name}”`),
            h('p', {}, 'Apps using this token get the new abilities on their next request.'),
            abilityChecks('edit-abilities', token.abilities)),
        h('div', { class: 'dialog-actions' },
            h('button', { class: 'btn btn-secondary', value: 'cancel', type: 'submit', formnovalidate: true }, 'Cancel'),
            h('button', { class: 'btn', value: 'save', type: 'submit' }, 'Save abilities')));
    const dialog = h('dialog', { 'aria-labelledby': titleId }, form);
    dialog.addEventListener('close', async () => {
        dialog.remove();
        if (dialog.returnValue !== 'save') return;
        try {
            await api(`tokens/${token.id}`, { method: 'PATCH', body: { abilities: checkedAbilities(form, 'edit-abilities') } });
            announce(`Abilities of “${token.name}” saved.`);
            await refresh();
        } catch (error) {
            failed(error);
        }
    });
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
