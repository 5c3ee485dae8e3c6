package dev.lanyard.security;

import dev.lanyard.account.entity.User;
import dev.lanyard.token.boundary.AuthenticatedToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import java.util.Optional;

/** The token the current request was authenticated with, as established by {@link BearerTokenMechanism}. */
@RequestScoped
public class CurrentCaller {

    static final String ATTRIBUTE = "dev.lanyard.security.token";
    static final String CREDENTIAL_REFUSED = "dev.lanyard.security.refused";
    static final String STORE_UNAVAILABLE = "dev.lanyard.security.unavailable";

    @Inject
    HttpServletRequest request;

    /** The caller's token; resources behind an access rule always have one. */
    public AuthenticatedToken token() {
        return find(request.getAttribute(ATTRIBUTE)).orElseThrow(Unauthorized::new);
    }

    /** The caller's token, when the request has one (a resource open to guests may be called without). */
    public Optional<AuthenticatedToken> ifAuthenticated() {
        return find(request.getAttribute(ATTRIBUTE));
    }

    /** The calling user, as read with their token; resources for users only (role {@code user}) always have one. */
    public User user() {
        return token().user().orElseThrow(() -> new ForbiddenException("This endpoint is for users."));
    }

    public long ownerId() {
        return token().ownerId();
    }

    static Optional<AuthenticatedToken> find(Object attribute) {
        return attribute instanceof AuthenticatedToken token ? Optional.of(token) : Optional.empty();
    }
}
