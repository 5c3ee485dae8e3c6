package dev.lanyard.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A request without a body has no media type to refuse, whatever {@code Content-Type} its client adds (axios
 * sends a form type with an empty {@code post('/logout')}): the header is dropped before resource matching, so
 * that 415 is left for a body that is there and is not JSON.
 */
@Provider
@PreMatching
public class BodilessRequests implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaders().containsKey(HttpHeaders.CONTENT_TYPE) && !request.hasEntity()) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
