package dev.lanyard.prune.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;

/**
 * Deletes prunable tokens one slice of the table at a time, each slice in a transaction of its own, so no run
 * holds many locks or a long transaction.
 *
 * <p>A slice is a range of the table's pages, read with PostgreSQL's TID range scan (PostgreSQL 14+): together
 * the slices read the table once, as a single {@code DELETE} would, instead of rescanning the rows earlier
 * batches already deleted. Overlapping runs (two nodes, the timer and the endpoint) may reach the same rows; a
 * row is deleted, and counted, by whichever gets it first, the other waits for that slice to commit and then
 * finds it gone.
 */
@Stateless
public class PruneBatches {

    private static final String PAGES =
            "SELECT (pg_relation_size('access_tokens')" + " / current_setting('block_size')::bigint)";
    private static final String DELETE_SLICE =
            "DELETE FROM access_tokens" + " WHERE ctid >= '(%d,0)'::tid AND ctid < '(%d,0)'::tid AND (%s)";
    private static final String EXPIRED = "expires_at < ?1";
    private static final String EXPIRED_OR_TOO_OLD = "expires_at < ?1 OR created_at < ?2";

    @PersistenceContext
    EntityManager em;

    /** How many pages the table has now; rows added later are new, and not prunable yet. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long pages() {
        return ((Number) em.createNativeQuery(PAGES).getSingleResult()).longValue();
    }

    /** Deletes the prunable tokens stored in pages {@code [from, to)}; answers how many it deleted. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteInPages(long from, long to, PruneCutoffs cutoffs) {
        String condition = cutoffs.createdBefore().isPresent() ? EXPIRED_OR_TOO_OLD : EXPIRED;
        var delete = em.createNativeQuery(String.format(DELETE_SLICE, from, to, condition))
                .setParameter(1, Timestamp.from(cutoffs.expiresBefore()));
        cutoffs.createdBefore().ifPresent(createdBefore -> delete.setParameter(2, Timestamp.from(createdBefore)));
        return delete.executeUpdate();
    }
}
