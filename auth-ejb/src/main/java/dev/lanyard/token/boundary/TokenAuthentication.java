package dev.lanyard.token.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.token.control.CachedToken;
import dev.lanyard.token.control.PendingUses;
import dev.lanyard.token.control.TokenCache;
import dev.lanyard.token.control.TokenSettings;
import dev.lanyard.token.control.TokenUse;
import dev.lanyard.token.entity.PlainTextToken;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hot path: whether a presented token authenticates, from this node's {@link TokenCache} when it knows the
 * token, from the database otherwise. Expiry is checked at every use, from the token's expiry; what ends a token
 * before then evicts it everywhere first ({@link dev.lanyard.token.control.Evictions}).
 */
@ApplicationScoped
public class TokenAuthentication {

    private static final Logger LOG = Logger.getLogger(TokenAuthentication.class.getName());

    @Inject
    TokenCache cache;

    @Inject
    TokenSettings settings;

    @Inject
    PendingUses pendingUses;

    @EJB
    Tokens tokens;

    @EJB
    StoredTokens storedTokens;

    private final Clock clock = Clock.systemUTC();

    /**
     * The API token's identity when it exists, matches and is still valid; a browser session's secret is no
     * bearer token. Notes the use, and where from, at most once per
     * {@code lanyard.token.last-used-resolution-seconds}, for {@link LastUsedWriter}: authenticating itself never
     * writes, and {@code use} is asked only then.
     */
    public Optional<AuthenticatedToken> authenticate(PlainTextToken presented, Supplier<TokenUse> use) {
        return authenticate(presented, false, use);
    }

    /** The same for the secret of a browser session, as its cookie carries it; an API token is no session. */
    public Optional<AuthenticatedToken> authenticateSession(PlainTextToken presented, Supplier<TokenUse> use) {
        return authenticate(presented, true, use);
    }

    /**
     * RFC 7662: what a resource server may know of a presented token, when it would authenticate now. Reading
     * it is not using it, so {@code last_used_at} stays as it is. A browser session's secret lives in an HttpOnly
     * cookie; presented anywhere else it is no credential.
     */
    public Optional<Introspection> introspect(PlainTextToken presented) {
        return usable(presented, clock.instant())
                .filter(token -> !token.isSession())
                .map(Introspection::of);
    }

    private Optional<AuthenticatedToken> authenticate(
            PlainTextToken presented, boolean session, Supplier<TokenUse> use) {
        Instant now = clock.instant();
        return usable(presented, now)
                .filter(token -> token.isSession() == session)
                .map(token -> {
                    if (token.takeUseDue(now, settings.lastUsedResolution())) {
                        pendingUses.add(token.id(), use.get());
                    }
                    token.takePredecessor().ifPresent(predecessor -> endPredecessor(token, predecessor));
                    return new AuthenticatedToken(
                            token.id(),
                            token.name(),
                            token.expiresAt(),
                            token.effectiveExpiry().orElse(null),
                            token.owner(),
                            token.abilities(),
                            token.isSession());
                });
    }

    /**
     * A refresh with a grace left the old token working until this, its successor's first use. Should the database
     * fail here, the request goes on and a later one tries again; the grace ends the old token meanwhile.
     */
    private void endPredecessor(CachedToken token, long predecessor) {
        try {
            storedTokens.retirePredecessor(token.id(), predecessor);
        } catch (RuntimeException e) {
            token.predecessorNotEnded();
            LOG.log(Level.WARNING, "Could not end token {0}, replaced by token {1}: {2}", new Object[] {
                predecessor, token.id(), e.toString()
            });
        }
    }

    /**
     * The stored token the presented one names, when its secret matches and it works now: not expired, not idle
     * for {@code lanyard.session.idle-minutes} or {@code lanyard.token.idle-days}, its owner not disabled.
     */
    private Optional<CachedToken> usable(PlainTextToken presented, Instant now) {
        return known(presented, now)
                .filter(token -> token.isValidAt(now))
                .filter(token -> !token.ownerDisabled())
                .filter(token -> !endedIdle(token, now));
    }

    /**
     * Whether the token went unused too long; if so it is revoked, so that no list shows it and no node keeps it.
     * {@link #known} read an idle-looking copy again, so the database has seen no later use either.
     */
    private boolean endedIdle(CachedToken token, Instant now) {
        if (!token.isIdleAt(now, settings.idleTimeout(token.isSession()))) {
            return false;
        }
        try {
            tokens.revokeOnce(
                    token.id(),
                    token.owner() instanceof User ? token.owner().id() : null,
                    AuditEvent.TOKEN_REVOKED,
                    RevokeReason.IDLE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not revoke idle token {0}: {1}", new Object[] {token.id(), e.toString()});
        }
        return true;
    }

    /**
     * The stored token the presented one names, when its secret matches. A copy in memory that looks idle is read
     * again: another node may have seen the token used since.
     */
    private Optional<CachedToken> known(PlainTextToken presented, Instant now) {
        Optional<CachedToken> cached = presented.hasId() ? cache.find(presented.id()) : Optional.empty();
        if (cached.isEmpty()
                || cached.get().isIdleAt(now, settings.idleTimeout(cached.get().isSession()))) {
            long generation = cache.generation();
            cached = storedTokens.find(presented).map(token -> CachedToken.of(token, settings.lifetime()));
            cached.filter(token -> presented.hasId()).ifPresent(token -> cache.put(token, generation));
        }
        return cached.filter(token -> token.matches(presented));
    }
}
