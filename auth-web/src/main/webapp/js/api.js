// The API seen from the browser: the session cookie travels by itself (it is HttpOnly, no script sees it);
// every state-changing request repeats the XSRF-TOKEN cookie in the X-XSRF-TOKEN header.
const base = new URL('api/', document.baseURI);

export class ApiError extends Error {
    constructor(status, body) {
        super(body?.message || `Request failed (${status})`);
        this.status = status;
        this.errors = body?.errors || {};
    }
}

function xsrfToken() {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : null;
}

export async function fetchCsrfCookie() {
    await fetch(new URL('csrf-cookie', base), { credentials: 'same-origin' });
}

async function send(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = xsrfToken() || '';
    return fetch(new URL(path, base), {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
    });
}

export async function api(path, { method = 'GET', body } = {}) {
    if (method !== 'GET' && !xsrfToken()) await fetchCsrfCookie();
    let response = await send(method, path, body);
    if (response.status === 419) {
        // The CSRF token belonged to an earlier session: fetch a fresh one and try once more.
        await fetchCsrfCookie();
        response = await send(method, path, body);
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
}
