package dev.lanyard.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps an {@code Accept} that admits no JSON from being refused before the caller is known: resource matching
 * would answer 406 ahead of every filter, so an unauthenticated request would learn nothing of the 401 it is
 * owed. The header is set aside here and judged by {@link Negotiation} once access has been decided.
 */
@Provider
@PreMatching
public class DeferredNegotiation implements ContainerRequestFilter {

    static final String REFUSED_ACCEPT = DeferredNegotiation.class.getName() + ".refused";

    @Override
    public void filter(ContainerRequestContext request) {
        boolean json = request.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
        if (!json) {
            request.setProperty(REFUSED_ACCEPT, Boolean.TRUE);
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }
}
