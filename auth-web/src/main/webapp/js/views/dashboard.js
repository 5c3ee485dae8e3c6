import { api } from '../api.js';
import { h, pageHead, time } from '../ui.js';
import { session } from '../session.js';

const eventLabels = {
    'user.registered': 'Account created',
    'login.succeeded': 'Signed in',
    'login.failed': 'Failed sign-in attempt',
    'token.created': 'Token created',
    'token.revoked': 'Token revoked',
    'password.changed': 'Password changed',
    'password.reset': 'Password reset by mail',
    'email.verified': 'Email address verified',
    'two-factor.confirmed': 'Two-factor authentication turned on',
    'two-factor.disabled': 'Two-factor authentication turned off',
    'two-factor.recovery-codes-regenerated': 'New recovery codes made',
    'two-factor.recovery-code-used': 'Recovery code used',
};

export async function dashboardView() {
    const [dashboard, audit] = await Promise.all([api('dashboard'), api('audit?per_page=6')]);
    const user = dashboard.user;
    session.user = user;
    const firstName = user.name.split(/\s+/)[0];
    return h('div', {},
        pageHead(`Welcome back, ${firstName}`, 'Your account at a glance.',
            h('a', { class: 'btn', href: '#/tokens' }, 'Manage API tokens')),
        h('div', { class: 'stats' },
            stat('Active API tokens', String(dashboard.stats.active_tokens)),
            stat('Member since', time(user.created_at), true),
            stat('Email', user.email_verified_at ? h('span', { class: 'badge ok' }, 'Verified')
                : h('span', { class: 'badge' }, 'Not verified'), true),
            stat('Roles', user.roles.length ? user.roles.join(', ') : 'user', true)),
        h('section', { class: 'card', 'aria-labelledby': 'activity-title' },
            h('div', { class: 'card-head' }, h('div', {}, h('h2', { id: 'activity-title' }, 'Recent activity'),
                h('p', {}, 'Sign-ins and token changes on your account.'))),
            audit.data.length
                ? h('ul', { class: 'activity' }, audit.data.map((event) => h('li', {},
                    h('span', {}, label(event),
                        event.ip ? h('span', { class: 'muted' }, ` · ${event.ip}`) : null),
                    time(event.occurred_at))))
                : h('p', { class: 'empty' }, 'Nothing yet.')));
}

function label(event) {
    // A browser session is a token too; the trail marks it in the detail.
    if (event.type === 'token.created' && event.detail?.endsWith(' session')) return 'Browser session started';
    return eventLabels[event.type] || event.type;
}

function stat(label, value, small = false) {
    return h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, label),
        h('div', { class: small ? 'stat-value small' : 'stat-value' }, value));
}
