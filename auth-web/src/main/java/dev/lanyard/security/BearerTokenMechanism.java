package dev.lanyard.security;

import dev.lanyard.metrics.control.AuthMetrics;
import dev.lanyard.token.boundary.AuthenticatedToken;
import dev.lanyard.token.boundary.TokenAuthentication;
import dev.lanyard.token.control.TokenUse;
import dev.lanyard.token.entity.PlainTextToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates API requests from their {@code Authorization: Bearer} header or, when there is none, a page of
 * a stateful domain by its session cookie. A bearer token always wins: with the header present the cookie is
 * not even read, so an API call never turns into a session one.
 *
 * <p>It only establishes who is calling; it never refuses a request. Whether a resource needs a caller, and
 * which, is decided in one place, {@link AccessPolicyFilter}, which also answers the 401. Malformed tokens are
 * dropped before any database work. The container may call this several times for one request, so the outcome
 * is kept on the request and the database is asked once.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerTokenMechanism.class.getName());
    private static final String SCHEME = "bearer ";

    @Inject
    TokenAuthentication tokens;

    @Inject
    BrowserSettings browsers;

    @Inject
    AuthMetrics metrics;

    @Inject
    ClientOrigins clients;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<AuthenticatedToken> known = CurrentCaller.find(request.getAttribute(CurrentCaller.ATTRIBUTE));
        if (known.isPresent()) {
            return login(context, known.get());
        }
        if (request.getAttribute(CurrentCaller.CREDENTIAL_REFUSED) != null) {
            return context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        Optional<String> session = authorization == null ? sessionCookie(request) : Optional.empty();
        if (authorization == null && session.isEmpty()) {
            return context.doNothing();
        }
        Optional<AuthenticatedToken> caller;
        long started = System.nanoTime();
        try {
            Supplier<TokenUse> use = () -> new TokenUse(clients.of(request).address(), request.getHeader("User-Agent"));
            caller = authorization != null
                    ? bearerToken(authorization)
                            .flatMap(PlainTextToken::parse)
                            .flatMap(presented -> tokens.authenticate(presented, use))
                    : session.flatMap(PlainTextToken::parse)
                            .flatMap(presented -> tokens.authenticateSession(presented, use));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check a token: {0}", e.toString());
            request.setAttribute(CurrentCaller.STORE_UNAVAILABLE, Boolean.TRUE);
            return context.doNothing();
        } finally {
            metrics.authenticated(Duration.ofNanos(System.nanoTime() - started));
        }
        if (caller.isEmpty()) {
            request.setAttribute(CurrentCaller.CREDENTIAL_REFUSED, Boolean.TRUE);
            return context.doNothing();
        }
        request.setAttribute(CurrentCaller.ATTRIBUTE, caller.get());
        return login(context, caller.get());
    }

    private static AuthenticationStatus login(HttpMessageContext context, AuthenticatedToken token) {
        return context.notifyContainerAboutLogin(token.ownerKind() + ":" + token.ownerId(), token.groups());
    }

    /** The session cookie counts only on requests from a page of a stateful domain, as in Sanctum. */
    private Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> BrowserCookies.SESSION.equals(c.getName()))
                .findFirst()
                .flatMap(c -> BrowserCookies.sessionToken(c.getValue()))
                .filter(token -> browsers.isStateful(request));
    }

    private static Optional<String> bearerToken(String authorization) {
        if (authorization.length() <= SCHEME.length()
                || !authorization
                        .substring(0, SCHEME.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(SCHEME)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(SCHEME.length()).trim());
    }
}
