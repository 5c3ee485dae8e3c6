package dev.lanyard.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. The UI gets a Content-Security-Policy that allows only its own scripts,
 * styles and API (it has no inline script or style, so none is allowed); the API, which only ever answers JSON,
 * allows nothing and is never stored by a cache, since its answers carry tokens and users' data. Swagger UI's page
 * at {@code /api-docs/} gets the UI's policy plus images from {@code data:} URLs, which its stylesheet draws its
 * icons with.
 */
// Forwards too: the UI's page forwarded to for a path a mail links to (ui.UiPagesFilter) needs the headers, and
// the order of annotated filters is not defined, so that filter may run before this one.
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class SecurityHeadersFilter extends HttpFilter {

    static final String UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String API_DOCS_POLICY = UI_POLICY.replace("img-src 'self'", "img-src 'self' data:");

    @Inject
    ClientOrigins clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // The UI's own requests carry its address, which tells the server they come from the app; no other
        // site ever learns it.
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader(
                "Content-Security-Policy",
                api ? API_POLICY : path.startsWith("/api-docs/") ? API_DOCS_POLICY : UI_POLICY);
        response.setHeader("Cache-Control", api ? "no-store" : "no-cache");
        if (clients.of(request).secure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
