// The API called as a front end written with axios calls it: interceptors as in the seed's js/api.js (JSON
// asked for, errors turned into an ApiError with the contract's message and field errors), a bearer token kept
// after registering, and `api.post('/logout')` with no body, for which axios sends a form Content-Type.
// Usage: node logout.mjs <api base url> <email>. Prints one line per step; exits 0 only if every step went as
// the contract says.
import axios from 'axios';

class ApiError extends Error {
    constructor(status, body) {
        super(body?.message || `Request failed (${status})`);
        this.status = status;
        this.errors = body?.errors || {};
    }
}

const [baseURL, email] = process.argv.slice(2);
let token = null;

const api = axios.create({ baseURL });
api.interceptors.request.use((config) => {
    config.headers.Accept = 'application/json';
    if (token) config.headers.Authorization = `Bearer ${token}`;
    return config;
});
api.interceptors.response.use(
    (response) => response,
    (error) => Promise.reject(error.response ? new ApiError(error.response.status, error.response.data) : error),
);

async function step(name, call, expected) {
    try {
        const response = await call();
        console.log(`${name} ${response.status} ${JSON.stringify(response.data)}`);
        if (response.status !== expected) throw new Error(`${name}: expected ${expected}`);
        return response;
    } catch (error) {
        if (error instanceof ApiError) {
            console.log(`${name} ${error.status} ${error.message}`);
            if (error.status === expected) return null;
        }
        throw error;
    }
}

try {
    const password = 'correct horse battery staple';
    const registered = await step('register',
        () => api.post('/register', { name: 'Axios', email, password, password_confirmation: password }), 201);
    token = registered.data.token;
    await step('logout', () => api.post('/logout'), 200);
    await step('user-after-logout', () => api.get('/user'), 401);
    console.log('done');
} catch (error) {
    console.log(`failed: ${error.message}`);
    process.exitCode = 1;
}
