import { api, ApiError } from '../api.js';
import { h, field, showErrors, announce, confirmDialog, pageHead, time, chips } from '../ui.js';
import { ABILITIES } from '../abilities.js';
import { session, failed } from '../app.js';

export async function adminView() {
    const usersSlot = h('div', {});
    const clientsSlot = h('div', {});
    const secretSlot = h('div', {});
    let search = '';

    async function loadUsers() {
        const users = await api(`admin/users?per_page=50${search ? `&search=${encodeURIComponent(search)}` : ''}`);
        usersSlot.replaceChildren(userTable(users, loadUsers));
    }
    async function loadClients() {
        const clients = await api('admin/clients?per_page=50');
        clientsSlot.replaceChildren(clientTable(clients, loadClients));
    }

    const searchInput = h('input', { type: 'search', id: 'user-search', name: 'search', placeholder: 'Name or email' });
    const searchForm = h('form', { role: 'search', class: 'search', onsubmit: async (event) => {
        event.preventDefault();
        search = searchInput.value.trim();
        await loadUsers().catch(failed);
    } }, h('label', { for: 'user-search', class: 'visually-hidden' }, 'Search users'), searchInput);

    const page = h('div', {},
        pageHead('Admin', 'Users and API clients of this Lanyard server.'),
        h('section', { class: 'card', 'aria-labelledby': 'users-title' },
            h('div', { class: 'card-head' }, h('div', {}, h('h2', { id: 'users-title' }, 'Users'),
                h('p', {}, 'Deleting a user revokes all their tokens and sessions at once.')), searchForm),
            usersSlot),
        h('section', { class: 'card', 'aria-labelledby': 'clients-title' },
            h('div', { class: 'card-head' }, h('div', {}, h('h2', { id: 'clients-title' }, 'API clients'),
                h('p', {}, 'Machine identities, such as a storefront that shows inventory to guests.'))),
            secretSlot,
            clientForm(secretSlot, loadClients),
            clientsSlot));
    await Promise.all([loadUsers(), loadClients()]);
    return page;
}

function userTable(users, reload) {
    if (!users.data.length) return h('p', { class: 'empty' }, 'No users match.');
    return h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, `Users, ${users.meta.total} in all`),
        h('thead', {}, h('tr', {}, ['Name', 'Email', 'Roles', 'Joined', ''].map((label) =>
            h('th', { scope: 'col' }, label || h('span', { class: 'visually-hidden' }, 'Actions'))))),
        h('tbody', {}, users.data.map((user) => h('tr', {},
            h('td', { class: 'token-name' }, user.name),
            h('td', {}, user.email),
            h('td', {}, user.roles.length ? chips(user.roles) : h('span', { class: 'muted' }, 'user')),
            h('td', {}, time(user.created_at)),
            h('td', {}, user.id === session.user.id ? h('span', { class: 'badge' }, 'You')
                : h('div', { class: 'actions' }, h('button', { class: 'btn btn-ghost danger', type: 'button',
                    'aria-label': `Delete ${user.email}`, onclick: () => deleteUser(user, reload) }, 'Delete'))))))));
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

function clientForm(secretSlot, reload) {
    const button = h('button', { class: 'btn', type: 'submit' }, 'Create client');
    const form = h('form', { novalidate: true, class: 'client-form' },
        field({ label: 'Client name', name: 'name', required: true, hint: '(e.g. "storefront")' }),
        h('fieldset', {}, h('legend', {}, 'Abilities of its first token'),
            h('div', { class: 'checks' }, ABILITIES.map((ability) => h('label', { class: 'check' },
                h('input', { type: 'checkbox', name: 'client-abilities', value: ability.name,
                    checked: ability.name === 'read:inventory' }),
                h('span', {}, h('code', {}, ability.name), h('small', {}, ability.description)))))),
        h('div', { class: 'actions' }, button));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        button.disabled = true;
        const abilities = [...form.querySelectorAll('input[name="client-abilities"]:checked')].map((i) => i.value);
        try {
            const created = await api('admin/clients', { method: 'POST', body: { name: form.elements.name.value, abilities } });
            form.reset();
            showErrors(form, {});
            secretSlot.replaceChildren(h('div', { class: 'secret' },
                h('h2', { tabindex: '-1' }, `Client “${created.client.name}” created`),
                h('p', {}, 'Its token is shown only this once:'),
                h('div', { class: 'secret-row' }, h('input', { type: 'text', readonly: true, value: created.token,
                    'aria-label': 'The client token' }))));
            secretSlot.querySelector('h2').focus();
            await reload();
        } catch (error) {
            if (error instanceof ApiError && error.status === 422) showErrors(form, error.errors);
            else failed(error);
        } finally {
            button.disabled = false;
        }
    });
    return form;
}

function clientTable(clients, reload) {
    if (!clients.data.length) return h('p', { class: 'empty' }, 'No API clients yet.');
    return h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, 'API clients'),
        h('thead', {}, h('tr', {}, ['Name', 'Tokens', 'Created', ''].map((label) =>
            h('th', { scope: 'col' }, label || h('span', { class: 'visually-hidden' }, 'Actions'))))),
        h('tbody', {}, clients.data.map((client) => h('tr', {},
            h('td', { class: 'token-name' }, client.name),
            h('td', { class: 'num' }, String(client.tokens)),
            h('td', {}, time(client.created_at)),
            h('td', {}, h('div', { class: 'actions' }, h('button', { class: 'btn btn-ghost danger', type: 'button',
                'aria-label': `Delete client ${client.name}`, onclick: () => deleteClient(client, reload) }, 'Delete'))))))));
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
