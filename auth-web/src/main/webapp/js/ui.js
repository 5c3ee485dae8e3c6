// Small DOM helpers: elements are built with createElement and textContent, never from HTML strings, so no
// value from the API can become markup.
export function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (value === false || value === null || value === undefined) continue;
        if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
        else if (name === 'class') el.className = value;
        else if (value === true) el.setAttribute(name, '');
        else el.setAttribute(name, value);
    }
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        el.append(child instanceof Node ? child : String(child));
    }
    return el;
}

let fieldCount = 0;

/** A labelled input with a place for its error, wired with aria-describedby; attrs go to the input as they are. */
export function field({ label, name, type = 'text', hint, autocomplete, required = false, value, attrs = {} }) {
    const id = `f-${name}-${++fieldCount}`;
    const errorId = `${id}-error`;
    const input = h('input', { id, name, type, autocomplete, required, value, 'aria-describedby': errorId, ...attrs });
    const error = h('div', { class: 'error', id: errorId });
    return h('div', { class: 'field' },
        h('label', { for: id }, label, hint ? h('span', { class: 'hint' }, ` ${hint}`) : null),
        input, error);
}

/** A new password and its confirmation, named as the API wants them. */
export function newPasswordFields(label = 'Password') {
    return [
        field({ label, name: 'password', type: 'password', autocomplete: 'new-password', hint: '(8 characters or more)',
            required: true }),
        field({ label: `Confirm ${label.toLowerCase()}`, name: 'password_confirmation', type: 'password',
            autocomplete: 'new-password', required: true }),
    ];
}

/** A message for everyone, screen readers included (the container is an aria-live region). */
export function announce(message, kind = 'info') {
    const toasts = document.getElementById('toasts');
    const toast = h('div', { class: `toast ${kind}` }, message);
    toasts.append(toast);
    setTimeout(() => toast.remove(), 6000);
}

/** A modal confirmation; resolves true when confirmed. The native dialog traps focus and closes on Escape. */
export function confirmDialog({ title, text, confirmLabel, danger = true }) {
    return new Promise((resolve) => {
        const titleId = `dialog-title-${++fieldCount}`;
        const dialog = h('dialog', { 'aria-labelledby': titleId },
            h('form', { method: 'dialog' },
                h('div', { class: 'dialog-body' }, h('h2', { id: titleId }, title), h('p', {}, text)),
                h('div', { class: 'dialog-actions' },
                    h('button', { class: 'btn btn-secondary', value: 'cancel', autofocus: true }, 'Cancel'),
                    h('button', { class: `btn ${danger ? 'btn-danger' : ''}`, value: 'confirm' }, confirmLabel))));
        dialog.addEventListener('close', () => {
            dialog.remove();
            resolve(dialog.returnValue === 'confirm');
        });
        document.body.append(dialog);
        dialog.showModal();
    });
}

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

/** "3 minutes ago", "in 29 days", "just now". */
export function relative(iso) {
    const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
    if (Math.abs(seconds) < 45) return 'just now';
    for (const [unit, size] of units) {
        if (Math.abs(seconds) >= size || unit === 'minute') {
            return relativeFormat.format(Math.round(seconds / size), unit);
        }
    }
    return 'just now';
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** A time element: relative text, the exact time as its title and datetime. */
export function time(iso, fallback = 'Never') {
    if (!iso) return h('span', { class: 'muted' }, fallback);
    return h('time', { datetime: iso, title: dateFormat.format(new Date(iso)) }, relative(iso));
}

export function pageHead(title, subtitle, ...actions) {
    return h('div', { class: 'page-head' },
        h('div', {}, h('h1', { tabindex: '-1' }, title), subtitle ? h('p', {}, subtitle) : null),
        actions.length ? h('div', { class: 'actions' }, actions) : null);
}

export function chips(abilities) {
    return h('div', { class: 'chips' }, abilities.map((a) => h('span', { class: a === '*' ? 'chip all' : 'chip' },
        a === '*' ? 'all abilities' : a)));
}
