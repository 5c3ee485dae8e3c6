package dev.lanyard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API requests from their {@code Authorization: Bearer} header.
 *
 * <p>It only establishes who is calling; it never refuses a request. Whether a resource needs a caller, and
 * which, is decided in one place, {@link AccessPolicyFilter}, which also writes the 401. The container may call
 * this several times for one request, so it stays cheap and free of side effects.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        // No credential store exists yet: every request proceeds anonymously.
        return context.doNothing();
    }
}
