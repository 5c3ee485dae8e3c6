package dev.lanyard.prune.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.IntSupplier;

/**
 * Keeps pruning to one run at a time across every node that shares the database, and a scheduled run to one
 * node per slot of the schedule.
 *
 * <p>The lock is a PostgreSQL transaction-level advisory lock, held by a transaction that does nothing else while
 * the run's batches commit in transactions of their own. It needs no data grid, so it holds the same on Payara
 * Micro with or without Hazelcast and on Payara Server, and it is released by the database when the holder's
 * connection dies, so a crashed node never leaves pruning locked.
 */
@Stateless
public class PruneLock {

    /** The advisory lock's key: any number, the same on every node ("lnyprune" in ASCII). */
    static final long KEY = 0x6c6e7970_72756e65L;

    static final String SCHEDULE = "token-pruning";

    private static final String CLAIM =
            "UPDATE scheduled_runs SET last_slot = ?1, claimed_at = now()" + " WHERE name = ?2 AND last_slot < ?1";

    @PersistenceContext
    EntityManager em;

    /** Runs {@code work} while no other run holds the lock; empty when another one does. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OptionalInt ifFree(IntSupplier work) {
        boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, KEY)
                .getSingleResult();
        return locked ? OptionalInt.of(work.getAsInt()) : OptionalInt.empty();
    }

    /** Waits for any run in progress, then runs {@code work} holding the lock. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int whenFree(IntSupplier work) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1) IS NULL")
                .setParameter(1, KEY)
                .getSingleResult();
        return work.getAsInt();
    }

    /**
     * Whether this node is the first to claim the scheduled run at {@code slot}. Every node computes the same
     * slot for the same firing, and the conditional update moves it forward once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimSlot(Instant slot) {
        return em.createNativeQuery(CLAIM)
                        .setParameter(1, Timestamp.from(slot))
                        .setParameter(2, SCHEDULE)
                        .executeUpdate()
                == 1;
    }
}
