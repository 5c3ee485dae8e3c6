package dev.lanyard.throttle.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The throttle of a cluster: attempts per key within {@code lanyard.login.decay-seconds}, counted in PostgreSQL,
 * so every node sees the same count. Each attempt is one atomic upsert that answers the new count, so concurrent
 * attempts on any nodes each get a count of their own and no two can both be the last one allowed. The
 * database's clock decides when a window ends, so nodes whose clocks differ still agree. (The column is still
 * called {@code failures}: it now counts every attempt, and a login that succeeds clears or refunds its own.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DatabaseLoginThrottle implements LoginThrottle {

    /** Expired windows deleted along with each attempt: the table stays small without a timer of its own. */
    static final int CLEANUP_BATCH = 100;

    private static final String HIT = "INSERT INTO login_throttle AS t (throttle_key, failures, resets_at)"
            + " VALUES (?1, 1, now() + ?2 * interval '1 second')"
            + " ON CONFLICT (throttle_key) DO UPDATE SET"
            + " failures = CASE WHEN t.resets_at > now() THEN t.failures + 1 ELSE 1 END,"
            + " resets_at = CASE WHEN t.resets_at > now() THEN t.resets_at ELSE excluded.resets_at END"
            // The wait is counted from the clock, not from now(), this transaction's start: one that waited for
            // the row's lock while another opened the window started before it, and would add the wait (61 s).
            + " RETURNING failures,"
            + " GREATEST(1, CAST(ceil(extract(epoch FROM resets_at - clock_timestamp())) AS BIGINT))";
    // A window's last attempt is deleted rather than counted down to zero, which the table does not allow; both
    // parts see the same snapshot, so one refund takes back exactly one attempt.
    private static final String REFUND = "WITH last AS (DELETE FROM login_throttle WHERE throttle_key = ?1"
            + " AND failures = 1) UPDATE login_throttle SET failures = failures - 1 WHERE throttle_key = ?1"
            + " AND failures > 1";
    // The outer condition is checked again on a row another transaction just renewed, so a live window survives.
    private static final String DELETE_EXPIRED = "DELETE FROM login_throttle WHERE resets_at <= now()"
            + " AND throttle_key IN (SELECT throttle_key FROM login_throttle WHERE resets_at <= now() LIMIT "
            + CLEANUP_BATCH + ")";
    private static final String CLEAR = "DELETE FROM login_throttle WHERE throttle_key = ?1";

    @PersistenceContext
    EntityManager em;

    @Inject
    LockedKeys locked;

    @Inject
    @ConfigProperty(name = "lanyard.login.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "lanyard.login.decay-seconds", defaultValue = "60")
    int decaySeconds;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * In a transaction of its own, committed before the attempt is judged, so a refused attempt that rolls back
     * its own transaction still counts. Keys are taken in one order, so that two attempts sharing keys cannot
     * wait on each other's rows. A key this node already saw past its limit is answered from memory: the
     * attempt would not be judged anyway, and its window's end is already known.
     */
    @Override
    public List<Count> hit(List<Limit> limits) {
        for (Limit limit : limits) {
            OptionalLong left = locked.secondsLeft(limit.key());
            if (left.isPresent()) {
                return List.of(new Count(limit.key(), limit.maxAttempts() + 1, left.getAsLong()));
            }
        }
        List<Count> counts = new ArrayList<>();
        for (Limit limit :
                limits.stream().sorted(Comparator.comparing(Limit::key)).toList()) {
            Object[] row = (Object[]) em.createNativeQuery(HIT)
                    .setParameter(1, limit.key())
                    .setParameter(2, decaySeconds)
                    .getSingleResult();
            var count = new Count(limit.key(), ((Number) row[0]).intValue(), ((Number) row[1]).longValue());
            if (count.attempts() > limit.maxAttempts()) {
                locked.lock(count.key(), count.secondsLeft());
            }
            counts.add(count);
        }
        em.createNativeQuery(DELETE_EXPIRED).executeUpdate();
        return counts;
    }

    @Override
    public void refund(List<String> keys) {
        for (String key : keys.stream().sorted().distinct().toList()) {
            em.createNativeQuery(REFUND).setParameter(1, key).executeUpdate();
        }
    }

    @Override
    public void clear(String key) {
        locked.unlock(key);
        em.createNativeQuery(CLEAR).setParameter(1, key).executeUpdate();
    }
}
