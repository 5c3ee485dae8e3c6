package dev.lanyard.account.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The login throttle of a cluster: {@code lanyard.login.max-attempts} failures per
 * {@code lanyard.login.decay-seconds}, counted in PostgreSQL, so every node sees the same count. One atomic
 * upsert per failure; concurrent failures on several nodes each add one. The database's clock decides when a
 * window ends, so nodes whose clocks differ still agree.
 */
@Stateless
public class DatabaseLoginThrottle implements LoginThrottle {

    /** Expired windows deleted along with each failure: the table stays small without a timer of its own. */
    static final int CLEANUP_BATCH = 100;

    private static final String LOCKED_FOR = "SELECT CAST(ceil(extract(epoch FROM resets_at - now())) AS BIGINT)"
            + " FROM login_throttle WHERE throttle_key = ?1 AND failures >= ?2 AND resets_at > now()";
    private static final String RECORD_FAILURE = "INSERT INTO login_throttle AS t (throttle_key, failures, resets_at)"
            + " VALUES (?1, 1, now() + ?2 * interval '1 second')"
            + " ON CONFLICT (throttle_key) DO UPDATE SET"
            + " failures = CASE WHEN t.resets_at > now() THEN t.failures + 1 ELSE 1 END,"
            + " resets_at = CASE WHEN t.resets_at > now() THEN t.resets_at ELSE excluded.resets_at END";
    // The outer condition is checked again on a row another transaction just renewed, so a live window survives.
    private static final String DELETE_EXPIRED = "DELETE FROM login_throttle WHERE resets_at <= now()"
            + " AND throttle_key IN (SELECT throttle_key FROM login_throttle WHERE resets_at <= now() LIMIT "
            + CLEANUP_BATCH + ")";
    private static final String CLEAR = "DELETE FROM login_throttle WHERE throttle_key = ?1";

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lanyard.login.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "lanyard.login.decay-seconds", defaultValue = "60")
    int decaySeconds;

    @Override
    public OptionalLong lockedFor(String key) {
        List<?> seconds = em.createNativeQuery(LOCKED_FOR).setParameter(1, key).setParameter(2, maxAttempts)
                .getResultList();
        return seconds.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, ((Number) seconds.get(0)).longValue()));
    }

    /** Counted in a transaction of its own: the refused login rolls its own transaction back. */
    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String key) {
        em.createNativeQuery(RECORD_FAILURE).setParameter(1, key).setParameter(2, decaySeconds).executeUpdate();
        em.createNativeQuery(DELETE_EXPIRED).executeUpdate();
    }

    @Override
    public void clear(String key) {
        em.createNativeQuery(CLEAR).setParameter(1, key).executeUpdate();
    }
}
