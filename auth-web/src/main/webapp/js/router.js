// Navigation by the address's hash (#/tokens). The routes and their views belong to the entry, app.js: it hands
// its render function to start(), so a view can navigate without importing the module that imports it.
let render = () => {};

export function currentPath() {
    return location.hash.replace(/^#/, '') || '/dashboard';
}

export function go(path) {
    if (location.hash === `#${path}`) render();
    else location.hash = path;
}

export function start(renderRoute) {
    render = renderRoute;
    window.addEventListener('hashchange', render);
    render();
}
