package dev.lanyard.security;

import dev.lanyard.audit.control.RequestOrigin;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the audit trail and the per-address limits where each API request comes from (the client's address,
 * also behind a trusted proxy) and, once authenticated, who makes it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RequestOriginFilter implements ContainerRequestFilter {

    @Inject
    RequestOrigin origin;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientOrigins clients;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        origin.from(clients.of(request).address(), context.getHeaderString(HttpHeaders.USER_AGENT));
        caller.ifAuthenticated().ifPresent(token -> origin.by(token.ownerKind(), token.ownerId(), token.tokenId()));
    }
}
