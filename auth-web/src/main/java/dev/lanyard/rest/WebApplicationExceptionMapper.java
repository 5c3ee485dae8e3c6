package dev.lanyard.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (unknown route, wrong method, wrong media type, refused access, ...) in the contract's
 * JSON shape. Every 401 carries the bearer challenge, marked {@code invalid_token} when a credential was sent.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders requestHeaders;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        var response = Response.fromResponse(exception.getResponse())
                .entity(new MessageBody(StatusMessages.of(status)))
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (status == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, null).header(HttpHeaders.WWW_AUTHENTICATE, challenge());
        }
        return response.build();
    }

    private String challenge() {
        boolean credentialSent = requestHeaders.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        return credentialSent ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
}
