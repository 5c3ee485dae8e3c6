package dev.lanyard.security;

import dev.lanyard.problem.Forbidden;
import dev.lanyard.token.boundary.AuthenticatedToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF protection for single-page apps: a state-changing request from a page of a stateful domain must repeat
 * its {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN}, else 419. A request with an {@code Authorization}
 * header is an API call, which no other site can make a browser send, so it is exempt. Runs before the access
 * rules, as Sanctum's middleware does: a forged request learns nothing, not even whether it was signed in.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class CsrfFilter implements ContainerRequestFilter {

    static final int CSRF_MISMATCH = 419;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    BrowserSettings settings;

    @Inject
    CsrfTokens csrf;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean stateful = settings.isStateful(servletRequest);
        if (!stateful && spaOnly()) {
            throw new Forbidden("Only a single-page app on a stateful domain may call this.");
        }
        if (!stateful
                || SAFE_METHODS.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        Cookie cookie = request.getCookies().get(BrowserCookies.XSRF_TOKEN);
        Optional<Long> session = CurrentCaller.find(request.getProperty(CurrentCaller.ATTRIBUTE))
                .filter(AuthenticatedToken::session)
                .map(AuthenticatedToken::tokenId);
        if (!csrf.accepts(
                cookie == null ? null : cookie.getValue(),
                request.getHeaderString(BrowserCookies.XSRF_HEADER),
                session)) {
            throw new WebApplicationException(CSRF_MISMATCH);
        }
    }

    private boolean spaOnly() {
        return resource.getResourceMethod().isAnnotationPresent(SpaOnly.class)
                || resource.getResourceClass().isAnnotationPresent(SpaOnly.class);
    }
}
