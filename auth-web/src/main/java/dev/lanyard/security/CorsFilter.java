package dev.lanyard.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for the API from {@code lanyard.cors.allowed-origins}: an allowed origin is echoed, with credentials only
 * when it is also a stateful domain (a third-party site may read public data, never act with a user's session);
 * any other origin gets no CORS header at all, and its preflight a 403. Preflights end here, before JAX-RS.
 */
@WebFilter(urlPatterns = "/api/*")
public class CorsFilter extends HttpFilter {

    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String ALLOWED_HEADERS =
            "Accept, Authorization, Content-Type, X-Requested-With, " + BrowserCookies.XSRF_HEADER;
    private static final String EXPOSED_HEADERS = "Location, Retry-After, WWW-Authenticate, " + TokenExpiryHeader.NAME;
    private static final String PREFLIGHT_CACHE_SECONDS = "600";

    @Inject
    BrowserSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader("Vary", "Origin");
        boolean allowed = settings.allowsOrigin(origin);
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            if (settings.isStatefulOrigin(origin)) {
                response.setHeader("Access-Control-Allow-Credentials", "true");
            }
        }
        boolean preflight =
                "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (!preflight) {
            if (allowed) {
                response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            }
            chain.doFilter(request, response);
            return;
        }
        if (!allowed) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"message\":\"Origin not allowed.\"}");
            return;
        }
        response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", PREFLIGHT_CACHE_SECONDS);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
