package dev.lanyard.token.boundary;

import dev.lanyard.metrics.control.AuthMetrics;
import dev.lanyard.token.control.Evictions;
import dev.lanyard.token.control.TokenSettings;
import dev.lanyard.token.control.TokenUse;
import dev.lanyard.token.entity.AccessToken;
import dev.lanyard.token.entity.PlainTextToken;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What authenticating needs of the database: the stored token a presented one names, the coalesced writes of where
 * and when tokens were last used, and the end of a rotated token once its successor is used. {@link TokenAuthentication}
 * keeps what it reads in memory; its one other write is the revocation of a token found idle, which is a
 * revocation like any other ({@link Tokens#revokeOnce}).
 */
@Stateless
public class StoredTokens {

    // Each id is a bind parameter, and PostgreSQL takes at most 32,767 in one statement.
    private static final int USES_PER_STATEMENT = 1_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenSettings settings;

    @Inject
    AuthMetrics metrics;

    @Inject
    Evictions evictions;

    private final Clock clock = Clock.systemUTC();

    /**
     * The stored token, with its owner, that the presented one names by its id (or, without one, by its hash),
     * whether or not the secret matches: {@link TokenAuthentication} keeps it in memory and matches it there.
     */
    public Optional<AccessToken> find(PlainTextToken presented) {
        var query = presented.hasId()
                ? em.createNamedQuery(AccessToken.WITH_OWNER_BY_ID, AccessToken.class)
                        .setParameter("id", presented.id())
                : em.createNamedQuery(AccessToken.WITH_OWNER_BY_HASH, AccessToken.class)
                        .setParameter("hash", presented.sha256Hex());
        return query.getResultStream().findFirst();
    }

    /**
     * Sets {@code last_used_at} to now, and where each token was used from, except where another write (another
     * node's, say) already did within the resolution window. Tokens used from the same place share a statement.
     */
    public void recordUses(Map<Long, TokenUse> uses) {
        // A last-use time may be lost in a crash; it is not worth a disk flush.
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        Instant now = clock.instant();
        Map<TokenUse, List<Long>> byPlace = uses.entrySet().stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byPlace.forEach((use, tokenIds) -> {
            for (int from = 0; from < tokenIds.size(); from += USES_PER_STATEMENT) {
                em.createNamedQuery(AccessToken.TOUCH)
                        .setParameter("now", now)
                        .setParameter("ip", use.ip())
                        .setParameter("userAgent", use.userAgent())
                        .setParameter(
                                "ids", tokenIds.subList(from, Math.min(tokenIds.size(), from + USES_PER_STATEMENT)))
                        .setParameter("staleBefore", now.minus(settings.lastUsedResolution()))
                        .executeUpdate();
            }
        });
    }

    /**
     * Ends the token that {@code tokenId} replaced with a grace, now that {@code tokenId} was used: evicted
     * everywhere before the request that first used its successor is answered. Several nodes may ask; the first
     * ends it.
     */
    public void retirePredecessor(long tokenId, long predecessorId) {
        em.createNamedQuery(AccessToken.FORGET_PREDECESSOR)
                .setParameter("id", tokenId)
                .executeUpdate();
        if (em.createNamedQuery(AccessToken.DELETE_ROTATED)
                        .setParameter("id", predecessorId)
                        .executeUpdate()
                > 0) {
            evictions.token(predecessorId);
            metrics.tokensRevoked(1);
        }
    }
}
