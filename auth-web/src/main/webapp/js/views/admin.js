import { api } from '../api.js';
import { h, field, announce, confirmDialog, pageHead, time, chips } from '../ui.js';
import { abilitiesFor, abilityChecks, checkedAbilities } from '../abilities.js';
import { onSubmit } from '../forms.js';
import { session, failed } from '../session.js';

const PER_PAGE = 20;

export async function adminView() {
    const usersSlot = h('div', {});
    const clientsSlot = h('div', {});
    const auditSlot = h('div', {});
    const secretSlot = h('div', {});
    const users = listing('admin/users', usersSlot, (data, reload) => userTable(data, reload));
    const clients = listing('admin/clients', clientsSlot, (data, reload) => clientTable(data, reload, secretSlot));
    const audit = listing('admin/audit', auditSlot, (data) => auditTable(data));
    const clientAbilities = await abilitiesFor(['client']);

    const page = h('div', {},
        pageHead('Admin', 'Users, API clients and the audit trail of this Lanyard server.'),
        h('section', { class: 'card', 'aria-labelledby': 'users-title' },
            h('div', { class: 'card-head' }, h('div', {}, h('h2', { id: 'users-title' }, 'Users'),
                h('p', {}, 'Disabling, signing out or deleting a user ends all their tokens and sessions at once.')),
            searchForm('user-search', 'search', 'Search users', 'Name or email', (search) => users.load({ search }))),
            usersSlot),
        h('section', { class: 'card', 'aria-labelledby': 'clients-title' },
            h('div', { class: 'card-head' }, h('div', {}, h('h2', { id: 'clients-title' }, 'API clients'),
                h('p', {}, 'Machine identities, such as a storefront that shows inventory to guests.')),
            searchForm('client-search', 'client-search', 'Search clients', 'Name',
                (search) => clients.load({ search }))),
            secretSlot,
            clientForm(clientAbilities, secretSlot, () => clients.load()),
            clientsSlot),
        h('section', { class: 'card', 'aria-labelledby': 'audit-title' },
            h('div', { class: 'card-head' }, h('div', {}, h('h2', { id: 'audit-title' }, 'Audit trail'),
                h('p', {}, 'Every sign-in, token and account change, newest first.')), auditFilters(audit)),
            auditSlot));
    await Promise.all([users.load(), clients.load(), audit.load()]);
    return page;
}

/**
 * One paginated list of the admin API: load() with new filters starts again at page 1; render gets the page and
 * a reload that keeps the place.
 */
function listing(path, slot, render) {
    let filters = {};
    let pageNumber = 1;
    async function load(newFilters) {
        if (newFilters) {
            filters = newFilters;
            pageNumber = 1;
        }
        const query = new URLSearchParams({ page: pageNumber, per_page: PER_PAGE });
        Object.entries(filters).filter(([, value]) => value).forEach(([name, value]) => query.set(name, value));
        const data = await api(`${path}?${query}`);
        slot.replaceChildren(render(data, () => load().catch(failed)), pager(data.meta, (next) => {
            pageNumber = next;
            load().catch(failed);
        }));
    }
    return { load };
}

function pager(meta, go) {
    const pages = Math.max(1, Math.ceil(meta.total / meta.per_page));
    if (pages === 1) return null;
    return h('nav', { class: 'pager', 'aria-label': 'Pages' },
        h('button', { class: 'btn btn-ghost', type: 'button', disabled: meta.page <= 1,
            onclick: () => go(meta.page - 1) }, 'Previous'),
        h('span', { class: 'muted' }, `Page ${meta.page} of ${pages}`),
        h('button', { class: 'btn btn-ghost', type: 'button', disabled: meta.page >= pages,
            onclick: () => go(meta.page + 1) }, 'Next'));
}

function searchForm(id, name, label, placeholder, search) {
    const input = h('input', { type: 'search', id, name, placeholder });
    return onSubmit(h('form', { role: 'search', class: 'search' },
        h('label', { for: id, class: 'visually-hidden' }, label), input), () => search(input.value.trim()));
}

function auditFilters(audit) {
    const type = h('input', { type: 'search', id: 'audit-type', name: 'audit-type', placeholder: 'Type, e.g. login.failed' });
    const user = h('input', { type: 'number', id: 'audit-user', name: 'audit-user', min: '1', placeholder: 'User id' });
    return onSubmit(h('form', { class: 'search' },
        h('label', { for: 'audit-type', class: 'visually-hidden' }, 'Event type'), type,
        h('label', { for: 'audit-user', class: 'visually-hidden' }, 'User id'), user,
        h('button', { class: 'btn btn-secondary', type: 'submit' }, 'Filter')),
    () => audit.load({ type: type.value.trim(), user_id: user.value.trim() }));
}

function auditTable(events) {
    if (!events.data.length) return h('p', { class: 'empty' }, 'No events match.');
    return h('div', { class: 'table-wrap' }, h('table', { class: 'audit' },
        h('caption', { class: 'visually-hidden' }, `Audit events, ${events.meta.total} in all`),
        h('thead', {}, h('tr', {}, ['When', 'Type', 'User', 'By', 'Address', 'Detail'].map((label) =>
            h('th', { scope: 'col' }, label)))),
        h('tbody', {}, events.data.map((event) => h('tr', {},
            h('td', {}, time(event.occurred_at)),
            h('td', {}, h('code', {}, event.type)),
            h('td', { class: 'num' }, event.user_id ?? '—'),
            h('td', {}, event.actor_kind ? `${event.actor_kind} ${event.actor_id}` : '—'),
            h('td', {}, event.ip || '—'),
            h('td', { class: 'detail' }, event.detail || ''))))));
}

function userTable(users, reload) {
    if (!users.data.length) return h('p', { class: 'empty' }, 'No users match.');
    return h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, `Users, ${users.meta.total} in all`),
        h('thead', {}, h('tr', {}, ['Name', 'Email', 'Roles', 'Joined', 'Status', ''].map((label) =>
            h('th', { scope: 'col' }, label || h('span', { class: 'visually-hidden' }, 'Actions'))))),
        h('tbody', {}, users.data.map((user) => h('tr', {},
            h('td', { class: 'token-name' }, user.name),
            h('td', {}, user.email),
            h('td', {}, user.roles.length ? chips(user.roles) : h('span', { class: 'muted' }, 'user')),
            h('td', {}, time(user.created_at)),
            h('td', {}, user.disabled_at ? h('span', { class: 'badge warn' }, 'Disabled')
                : h('span', { class: 'badge ok' }, 'Active')),
            h('td', {}, user.id === session.user.id ? h('span', { class: 'badge' }, 'You')
                : h('div', { class: 'actions' },
                    h('button', { class: 'btn btn-ghost', type: 'button', 'aria-label': `Sign out ${user.email} everywhere`,
                        onclick: () => logoutEverywhere(user) }, 'Sign out everywhere'),
                    h('button', { class: 'btn btn-ghost', type: 'button',
                        'aria-label': `${user.disabled_at ? 'Enable' : 'Disable'} ${user.email}`,
                        onclick: () => setDisabled(user, !user.disabled_at, reload) },
                    user.disabled_at ? 'Enable' : 'Disable'),
                    h('button', { class: 'btn btn-ghost danger', type: 'button',
                        'aria-label': `Delete ${user.email}`, onclick: () => deleteUser(user, reload) }, 'Delete'))))))));
}

async function logoutEverywhere(user) {
    if (!await confirmDialog({ title: `Sign ${user.email} out everywhere?`,
        text: 'Every API token and browser session of the account stops working at once; they can sign in again.',
        confirmLabel: 'Sign out everywhere' })) return;
    try {
        announce((await api(`admin/users/${user.id}/logout-everywhere`, { method: 'POST' })).message);
    } catch (error) {
        failed(error);
    }
}

async function setDisabled(user, disabled, reload) {
    if (disabled && !await confirmDialog({ title: `Disable ${user.email}?`,
        text: 'Every token and session of the account stops at once, and signing in fails until you enable it'
            + ' again; enabling brings no old token back.', confirmLabel: 'Disable user' })) return;
    try {
        await api(`admin/users/${user.id}`, { method: 'PATCH', body: { disabled } });
        announce(`${user.email} ${disabled ? 'disabled' : 'enabled'}.`);
        await reload();
    } catch (error) {
        failed(error);
    }
}

async function deleteUser(user, reload) {
    if (!await confirmDialog({ title: `Delete ${user.email}?`,
        text: 'The account goes, and every token and session of it stops working at once.', confirmLabel: 'Delete user' })) return;
    try {
        await api(`admin/users/${user.id}`, { method: 'DELETE' });
        announce(`${user.email} deleted.`);
        await reload();
    } catch (error) {
        failed(error);
    }
}

function clientForm(abilities, secretSlot, reload) {
    const form = h('form', { class: 'client-form' },
        field({ label: 'Client name', name: 'name', required: true, hint: '(e.g. "storefront")' }),
        abilityChecks({ legend: 'Abilities of its first token', name: 'abilities', abilities,
            checked: ['read:inventory'] }),
        h('div', { class: 'actions' }, h('button', { class: 'btn', type: 'submit' }, 'Create client')));
    return onSubmit(form, async (body) => {
        const created = await api('admin/clients', { method: 'POST', body });
        form.reset();
        secretSlot.replaceChildren(h('div', { class: 'secret' },
            h('h2', { tabindex: '-1' }, `Client “${created.client.name}” created`),
            h('p', {}, 'Its token is shown only this once:'),
            h('div', { class: 'secret-row' }, h('input', { type: 'text', readonly: true, value: created.token,
                'aria-label': 'The client token' }))));
        secretSlot.querySelector('h2').focus();
        await reload();
    }, { body: () => ({ name: form.elements.name.value, abilities: checkedAbilities(form, 'abilities') }) });
}

function clientTable(clients, reload, secretSlot) {
    if (!clients.data.length) return h('p', { class: 'empty' }, 'No API clients match.');
    return h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, 'API clients'),
        h('thead', {}, h('tr', {}, ['Name', 'Tokens', 'Created', ''].map((label) =>
            h('th', { scope: 'col' }, label || h('span', { class: 'visually-hidden' }, 'Actions'))))),
        h('tbody', {}, clients.data.map((client) => h('tr', {},
            h('td', { class: 'token-name' }, client.name),
            h('td', { class: 'num' }, String(client.tokens)),
            h('td', {}, time(client.created_at)),
            h('td', {}, h('div', { class: 'actions' },
                h('button', { class: 'btn btn-ghost', type: 'button', 'aria-expanded': 'false',
                    'aria-label': `Tokens of client ${client.name}`,
                    onclick: (event) => toggleTokens(event.target, client, secretSlot, reload) }, 'Tokens'),
                h('button', { class: 'btn btn-ghost danger', type: 'button',
                    'aria-label': `Delete client ${client.name}`, onclick: () => deleteClient(client, reload) },
                'Delete'))))))));
}

/** A client's tokens under its row, each with revoke and rotate. */
async function toggleTokens(button, client, secretSlot, reload) {
    const row = button.closest('tr');
    if (row.nextElementSibling && row.nextElementSibling.classList.contains('client-tokens')) {
        row.nextElementSibling.remove();
        button.setAttribute('aria-expanded', 'false');
        return;
    }
    try {
        const tokens = await api(`admin/tokens?owner_id=${client.id}&per_page=100`);
        const cell = h('td', { colspan: '4' }, tokens.data.length ? h('table', {},
            h('caption', {}, `Tokens of “${client.name}”`),
            h('thead', {}, h('tr', {}, ['Name', 'Abilities', 'Last used', 'Expires', ''].map((label) =>
                h('th', { scope: 'col' }, label || h('span', { class: 'visually-hidden' }, 'Actions'))))),
            h('tbody', {}, tokens.data.map((token) => h('tr', { 'data-token-id': token.id },
                h('td', {}, token.name),
                h('td', {}, chips(token.abilities)),
                h('td', {}, time(token.last_used_at)),
                h('td', {}, time(token.expires_at, 'Never')),
                h('td', {}, h('div', { class: 'actions' },
                    h('button', { class: 'btn btn-ghost', type: 'button', 'aria-label': `Rotate token ${token.name}`,
                        onclick: () => rotateClientToken(client, token, secretSlot, reload) }, 'Rotate'),
                    h('button', { class: 'btn btn-ghost danger', type: 'button',
                        'aria-label': `Revoke token ${token.name}`,
                        onclick: () => revokeClientToken(token, reload) }, 'Revoke')))))))
            : h('p', { class: 'empty' }, 'No tokens: the client cannot call the API.'));
        row.after(h('tr', { class: 'client-tokens' }, cell));
        button.setAttribute('aria-expanded', 'true');
    } catch (error) {
        failed(error);
    }
}

/** A new token with the old one's name and abilities, shown once; the old one stops at once. */
async function rotateClientToken(client, token, secretSlot, reload) {
    if (!await confirmDialog({ title: `Rotate “${token.name}”?`, danger: false,
        text: 'A new token with the same name and abilities is shown once; the old one stops working at once.',
        confirmLabel: 'Rotate token' })) return;
    try {
        const issued = await api(`admin/clients/${client.id}/tokens`, { method: 'POST',
            body: { name: token.name, abilities: token.abilities } });
        await api(`admin/tokens/${token.id}`, { method: 'DELETE' });
        secretSlot.replaceChildren(h('div', { class: 'secret' },
            h('h2', { tabindex: '-1' }, `Token “${token.name}” of “${client.name}” rotated`),
            h('p', {}, 'The new token is shown only this once:'),
            h('div', { class: 'secret-row' }, h('input', { type: 'text', readonly: true, value: issued.plain_text_token,
                'aria-label': 'The new client token' }))));
        secretSlot.querySelector('h2').focus();
        await reload();
    } catch (error) {
        failed(error);
    }
}

async function revokeClientToken(token, reload) {
    if (!await confirmDialog({ title: `Revoke “${token.name}”?`, text: 'It stops working at once.',
        confirmLabel: 'Revoke token' })) return;
    try {
        await api(`admin/tokens/${token.id}`, { method: 'DELETE' });
        announce(`Token “${token.name}” revoked.`);
        await reload();
    } catch (error) {
        failed(error);
    }
}

async function deleteClient(client, reload) {
    if (!await confirmDialog({ title: `Delete client “${client.name}”?`,
        text: 'Every token of the client stops working at once.', confirmLabel: 'Delete client' })) return;
    try {
        await api(`admin/clients/${client.id}`, { method: 'DELETE' });
        announce(`Client “${client.name}” deleted.`);
        await reload();
    } catch (error) {
        failed(error);
    }
}
