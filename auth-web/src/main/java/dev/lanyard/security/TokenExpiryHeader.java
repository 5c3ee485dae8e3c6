package dev.lanyard.security;

import dev.lanyard.token.boundary.AuthenticatedToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Every response to an authenticated request says when its token stops working ({@code X-Token-Expires-At},
 * ISO-8601 in UTC; absent for a token that never expires), so a client can rotate it in time rather than learn it
 * from a 401.
 */
@Provider
public class TokenExpiryHeader implements ContainerResponseFilter {

    public static final String NAME = "X-Token-Expires-At";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CurrentCaller.find(request.getProperty(CurrentCaller.ATTRIBUTE))
                .flatMap(AuthenticatedToken::expiry)
                .ifPresent(expiry -> response.getHeaders().putSingle(NAME, expiry.toString()));
    }
}
