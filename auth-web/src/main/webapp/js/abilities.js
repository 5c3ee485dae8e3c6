import { api } from './api.js';
import { h } from './ui.js';

let fieldsets = 0;

/**
 * The abilities the server's endpoints check, as GET /api/abilities lists them, that a token of a caller with
 * these roles can use: a token never carries more than its owner may do, so "admin" is offered to admins only.
 */
export async function abilitiesFor(roles) {
    const { abilities } = await api('abilities');
    return abilities.filter((ability) => ability.roles.some((role) => roles.includes(role)));
}

/** The abilities as checkboxes named name; a 422 on that field shows under them. */
export function abilityChecks({ legend = 'Abilities', name, abilities, checked = [] }) {
    const all = checked.includes('*');
    const errorId = `abilities-error-${++fieldsets}`;
    return h('fieldset', { name, 'aria-describedby': errorId },
        h('legend', {}, legend),
        h('div', { class: 'checks' }, abilities.map((ability) => h('label', { class: 'check' },
            h('input', { type: 'checkbox', name, value: ability.name, checked: all || checked.includes(ability.name) }),
            h('span', {}, h('code', {}, ability.name), h('small', {}, ability.description))))),
        h('div', { class: 'error', id: errorId }));
}

export function checkedAbilities(form, name) {
    return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
}
