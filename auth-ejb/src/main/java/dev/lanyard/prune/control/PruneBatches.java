package dev.lanyard.prune.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;

/**
 * Deletes one bounded batch of prunable tokens in a transaction of its own, so no run holds many locks or a
 * long transaction. {@code SKIP LOCKED} lets overlapping runs (two nodes, the timer and the endpoint) share
 * the work: each row is deleted, and counted, by exactly one of them.
 */
@Stateless
public class PruneBatches {

    private static final String SELECT_EXPIRED = "SELECT id FROM access_tokens WHERE expires_at < ?1";
    private static final String OR_TOO_OLD = " OR created_at < ?2";
    private static final String DELETE_BATCH = "DELETE FROM access_tokens WHERE id IN (%s LIMIT %d FOR UPDATE SKIP LOCKED)";

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteBatch(PruneCutoffs cutoffs, int size) {
        String select = cutoffs.createdBefore().isPresent() ? SELECT_EXPIRED + OR_TOO_OLD : SELECT_EXPIRED;
        var delete = em.createNativeQuery(String.format(DELETE_BATCH, select, size))
                .setParameter(1, Timestamp.from(cutoffs.expiresBefore()));
        cutoffs.createdBefore().ifPresent(createdBefore -> delete.setParameter(2, Timestamp.from(createdBefore)));
        return delete.executeUpdate();
    }
}
