package dev.lanyard.token.boundary;

import dev.lanyard.token.control.CachedToken;
import dev.lanyard.token.control.PendingUses;
import dev.lanyard.token.control.TokenCache;
import dev.lanyard.token.control.TokenSettings;
import dev.lanyard.token.entity.PlainTextToken;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The hot path: whether a presented token authenticates, from this node's {@link TokenCache} when it knows the
 * token, from the database otherwise. Expiry is checked at every use, from the token's expiry; what ends a token
 * before then evicts it everywhere first ({@link dev.lanyard.token.control.Evictions}).
 */
@ApplicationScoped
public class TokenAuthentication {

    @Inject
    TokenCache cache;

    @Inject
    TokenSettings settings;

    @Inject
    PendingUses pendingUses;

    @EJB
    Tokens tokens;

    private final Clock clock = Clock.systemUTC();

    /**
     * The API token's identity when it exists, matches and is still valid; a browser session's secret is no
     * bearer token. Notes the use, at most once per {@code lanyard.token.last-used-resolution-seconds}, for
     * {@link LastUsedWriter}: authenticating itself never writes.
     */
    public Optional<AuthenticatedToken> authenticate(PlainTextToken presented) {
        return authenticate(presented, false);
    }

    /** The same for the secret of a browser session, as its cookie carries it; an API token is no session. */
    public Optional<AuthenticatedToken> authenticateSession(PlainTextToken presented) {
        return authenticate(presented, true);
    }

    /**
     * RFC 7662: what a resource server may know of a presented token, when it would authenticate now. Reading
     * it is not using it, so {@code last_used_at} stays as it is. A browser session's secret lives in an HttpOnly
     * cookie; presented anywhere else it is no credential.
     */
    public Optional<Introspection> introspect(PlainTextToken presented) {
        return known(presented).filter(token -> !token.isSession()).filter(token -> token.isValidAt(clock.instant()))
                .map(Introspection::of);
    }

    private Optional<AuthenticatedToken> authenticate(PlainTextToken presented, boolean session) {
        Instant now = clock.instant();
        return known(presented).filter(token -> token.isSession() == session).filter(token -> token.isValidAt(now))
                .map(token -> {
                    if (token.takeUseDue(now, settings.lastUsedResolution())) {
                        pendingUses.add(token.id());
                    }
                    return new AuthenticatedToken(token.id(), token.name(), token.expiresAt(),
                            token.effectiveExpiry().orElse(null), token.owner(), token.abilities(), token.isSession());
                });
    }

    /** The stored token the presented one names, when its secret matches. */
    private Optional<CachedToken> known(PlainTextToken presented) {
        Optional<CachedToken> cached = presented.hasId() ? cache.find(presented.id()) : Optional.empty();
        if (cached.isEmpty()) {
            long generation = cache.generation();
            cached = tokens.stored(presented).map(token -> CachedToken.of(token, settings.lifetime()));
            cached.filter(token -> presented.hasId()).ifPresent(token -> cache.put(token, generation));
        }
        return cached.filter(token -> token.matches(presented));
    }
}
