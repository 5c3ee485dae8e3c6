package dev.lanyard.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Holds the first API requests of a fresh server until {@link JsonWarmUp} has gone through, so no two of them race
 * on Payara's lazily built JSON-B resolver; afterwards it costs one volatile read. First of all filters, since any
 * of them may answer with a JSON body.
 */
@Provider
@PreMatching
@Priority(0)
public class JsonWarmUpFilter implements ContainerRequestFilter {

    @Inject
    JsonWarmUp warmUp;

    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request) {
        warmUp.warm(providers);
    }
}
