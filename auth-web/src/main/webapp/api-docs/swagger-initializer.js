// Swagger UI on the server's live OpenAPI document. A file of its own because the page's Content-Security-Policy
// allows no inline script.
window.ui = SwaggerUIBundle({
    // Payara serves the document at the server's root, outside the application's context root.
    url: '/openapi',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // No call to swagger.io's validator: the page talks to this server only.
    validatorUrl: null,
    // A token pasted under "Authorize" is forgotten with the page rather than kept in the browser's storage.
    persistAuthorization: false,
});
