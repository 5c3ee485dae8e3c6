package dev.lanyard.security;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;

/**
 * The 401 of a request without a valid credential, answered by {@link dev.lanyard.rest.WebApplicationExceptionMapper}
 * as any other. It carries no stack trace: refused requests are what an attacker can send in bulk, filling one in
 * walked the whole depth of Grizzly, Catalina and Jersey on every refusal, and nobody reads it.
 */
final class Unauthorized extends NotAuthorizedException {

    private static final long serialVersionUID = 1L;

    Unauthorized() {
        super(Response.status(Response.Status.UNAUTHORIZED).build());
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
