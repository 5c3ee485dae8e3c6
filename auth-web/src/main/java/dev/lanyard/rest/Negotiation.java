package dev.lanyard.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** The 406 that {@link DeferredNegotiation} held back, now that the caller has passed the access checks. */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class Negotiation implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(DeferredNegotiation.REFUSED_ACCEPT) != null) {
            throw new NotAcceptableException();
        }
    }
}
