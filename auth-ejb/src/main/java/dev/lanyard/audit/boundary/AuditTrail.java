package dev.lanyard.audit.boundary;

import dev.lanyard.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** Writes and reads the audit trail. */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public AuditEvent record(String type, String detail) {
        var event = new AuditEvent(type, detail, clock.instant());
        em.persist(event);
        return event;
    }

    /** Kept even when the caller's transaction rolls back, e.g. a refused login. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEvent recordRegardless(String type, String detail) {
        return record(type, detail);
    }

    public List<AuditEvent> recent(int limit) {
        return em.createNamedQuery(AuditEvent.RECENT, AuditEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
