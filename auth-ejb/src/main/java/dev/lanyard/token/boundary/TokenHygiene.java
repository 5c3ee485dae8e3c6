package dev.lanyard.token.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.token.control.TokenNotices;
import dev.lanyard.token.control.TokenSettings;
import dev.lanyard.token.entity.AccessToken;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the pruning run does beside pruning, for the tokens of users: reminds owners of tokens about to expire,
 * and revokes tokens nobody used for {@code lanyard.token.revoke-unused-days}, telling their owners. Each step
 * takes a transaction of its own, apart from the pruning lock's, which keeps the run to one node at a time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TokenHygiene {

    /** A token with no lifetime of its own still counts its end from a lifetime this long: for ever. */
    private static final long NO_LIFETIME_SECONDS = Duration.ofDays(365L * 1000).toSeconds();

    private static final int UNUSED_PER_BATCH = 1_000;

    /**
     * Claims, and answers, the tokens that end within ?1 days of ?2, whose owners were not reminded at ?1 days or
     * fewer yet. Only tokens with an expiry of their own, which their owner chose or the policy set, and that
     * lived longer than the ?1 days: a token made for an hour is no news when it ends. Its end counts the
     * lifetime of ?3 seconds too. The update takes each row's lock, so a reminder is claimed once.
     */
    private static final String REMIND = """
            WITH due AS (
                SELECT t.id, LEAST(t.expires_at, t.created_at + make_interval(secs => CAST(?3 AS float8))) AS ends
                FROM access_tokens t JOIN users u ON u.id = t.owner_id
                WHERE t.session = false AND t.expires_at IS NOT NULL
                  AND (t.expiry_reminded_days IS NULL OR t.expiry_reminded_days > CAST(?1 AS int)))
            UPDATE access_tokens t SET expiry_reminded_days = CAST(?1 AS int)
            FROM due
            WHERE t.id = due.id AND due.ends > CAST(?2 AS timestamptz)
              AND due.ends <= CAST(?2 AS timestamptz) + make_interval(days => CAST(?1 AS int))
              AND due.ends - t.created_at > make_interval(days => CAST(?1 AS int))
              AND (t.expiry_reminded_days IS NULL OR t.expiry_reminded_days > CAST(?1 AS int))
            RETURNING t.owner_id, t.name, due.ends""";

    /** Live tokens (not expired by ?2 nor created before ?3) last used, or created unused, before ?1. */
    private static final String UNUSED = """
            SELECT t.id FROM access_tokens t
            WHERE t.session = false AND COALESCE(t.last_used_at, t.created_at) < CAST(?1 AS timestamptz)
              AND (t.expires_at IS NULL OR t.expires_at > CAST(?2 AS timestamptz))
              AND t.created_at > CAST(?3 AS timestamptz)
            ORDER BY t.id LIMIT CAST(?4 AS int)""";

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenSettings settings;

    @Inject
    TokenNotices notices;

    @EJB
    Tokens tokens;

    /** Mails the reminders due at {@code now} for one threshold of {@code days}; answers how many. */
    public int remindExpiring(Instant now, int days) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery(REMIND)
                .setParameter(1, days)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, settings.lifetime().map(Duration::toSeconds).orElse(NO_LIFETIME_SECONDS))
                .getResultList();
        for (Object[] token : due) {
            notices.expiresSoon(
                    em.find(User.class, ((Number) token[0]).longValue()),
                    (String) token[1],
                    ((Timestamp) token[2]).toInstant());
        }
        return due.size();
    }

    /** Since when a token must have been unused to be revoked at {@code now}; empty when that is off. */
    public Optional<Instant> unusedSince(Instant now) {
        return settings.revokeUnusedDays().map(days -> now.minus(Duration.ofDays(days)));
    }

    /** Up to a batch of the live tokens unused since {@code usedBefore}. */
    @SuppressWarnings("unchecked")
    public List<Long> unused(Instant now, Instant usedBefore) {
        Instant createdAfter = settings.lifetime().map(now::minus).orElse(Instant.EPOCH);
        List<Number> ids = em.createNativeQuery(UNUSED)
                .setParameter(1, Timestamp.from(usedBefore))
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(createdAfter))
                .setParameter(4, UNUSED_PER_BATCH)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Revokes a token still unused since {@code usedBefore}, says why in the audit trail, and tells a user who
     * owns it; answers whether it did.
     */
    public boolean revokeUnused(long tokenId, Instant usedBefore) {
        AccessToken token = em.find(AccessToken.class, tokenId);
        Instant lastUse =
                token == null ? null : Optional.ofNullable(token.lastUsedAt()).orElse(token.createdAt());
        if (lastUse == null || !lastUse.isBefore(usedBefore)) {
            return false;
        }
        tokens.revokeOnce(token, AuditEvent.TOKEN_REVOKED, RevokeReason.UNUSED)
                .ifPresent(owner -> notices.revokedUnused(
                        owner, token.name(), settings.revokeUnusedDays().orElse(0)));
        return true;
    }
}
