import { ApiError } from './api.js';
import { h } from './ui.js';
import { failed } from './session.js';

/** A form's fields as the API wants them, when each name has one value. */
export function fieldsOf(form) {
    return Object.fromEntries(new FormData(form));
}

/**
 * The one way a screen's form submits. Its submit buttons are disabled while send(body) runs; a 422's messages go
 * next to the fields they name ({message, errors: {field: [..]}}), and any other failure, or a 422 no field of
 * the form owns, goes to the form's alert when it has one (a page without a session) or to failed(), which
 * announces it or, for a lost session, signs out.
 */
export function onSubmit(form, send, { body = fieldsOf, alert = null } = {}) {
    form.noValidate = true;
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const buttons = [...form.querySelectorAll('button[type="submit"]')];
        buttons.forEach((button) => { button.disabled = true; });
        alert?.replaceChildren();
        try {
            await send(body(form));
            showErrors(form, {});
        } catch (error) {
            const errors = error instanceof ApiError && error.status === 422 ? error.errors : {};
            const owned = showErrors(form, errors);
            if (!owned && alert) alert.replaceChildren(h('div', { class: 'alert alert-error' }, error.message));
            else if (!owned) failed(error);
        } finally {
            buttons.forEach((button) => { button.disabled = false; });
        }
    });
    return form;
}

/**
 * Puts each field's messages in the element its aria-describedby names, marks it aria-invalid and focuses the
 * first field in error; answers whether any message found its field.
 */
function showErrors(form, errors) {
    let owned = false;
    for (const control of form.querySelectorAll('[name][aria-describedby]')) {
        const name = control.getAttribute('name');
        // A list's element is named by its index (abilities.1); its messages go to the list's field.
        const messages = Object.entries(errors).filter(([key]) => key === name || key.startsWith(`${name}.`))
            .flatMap(([, list]) => list);
        owned ||= messages.length > 0;
        control.setAttribute('aria-invalid', messages.length ? 'true' : 'false');
        const target = document.getElementById(control.getAttribute('aria-describedby'));
        if (target) target.textContent = messages.join(' ');
    }
    const first = form.querySelector('[aria-invalid="true"]');
    // A fieldset (a group of checkboxes) takes no focus itself; its first box does.
    if (first) (first.matches('fieldset') ? first.querySelector('input') : first)?.focus();
    return owned;
}
