package dev.lanyard.audit.boundary;

import dev.lanyard.audit.control.RequestOrigin;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.paging.Page;
import dev.lanyard.paging.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes and reads the audit trail. Events of a request carry its origin; timer events carry none. */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    RequestOrigin origin;

    private final Clock clock = Clock.systemUTC();

    public AuditEvent record(String type, Long userId, String detail) {
        var event = withOrigin(new AuditEvent(type, userId, detail, clock.instant()));
        em.persist(event);
        return event;
    }

    /** An event about a token other than the one the request was made with (created, revoked, ...). */
    public AuditEvent recordAboutToken(String type, Long userId, long tokenId, String detail) {
        var event = withOrigin(new AuditEvent(type, userId, detail, clock.instant()))
                .aboutToken(tokenId);
        em.persist(event);
        return event;
    }

    /** Kept even when the caller's transaction rolls back, e.g. a refused login. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEvent recordRegardless(String type, Long userId, String detail) {
        return record(type, userId, detail);
    }

    /** Events newest first, of one type and about one user when asked. */
    public Page<AuditEvent> find(Optional<String> type, Optional<Long> userId, PageRequest request) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(AuditEvent.class);
        var event = query.from(AuditEvent.class);
        var count = cb.createQuery(Long.class);
        var counted = count.from(AuditEvent.class);
        query.where(filters(cb, event, type, userId))
                .orderBy(cb.desc(event.get("occurredAt")), cb.desc(event.get("id")));
        count.select(cb.count(counted)).where(filters(cb, counted, type, userId));
        return Page.of(em.createQuery(query), em.createQuery(count), request);
    }

    private static Predicate[] filters(
            CriteriaBuilder cb, Root<AuditEvent> event, Optional<String> type, Optional<Long> userId) {
        List<Predicate> predicates = new ArrayList<>();
        type.ifPresent(t -> predicates.add(cb.equal(event.get("type"), t)));
        userId.ifPresent(u -> predicates.add(cb.equal(event.get("userId"), u)));
        return predicates.toArray(Predicate[]::new);
    }

    private AuditEvent withOrigin(AuditEvent event) {
        try {
            return event.from(origin.actorKind(), origin.actorId(), origin.tokenId(), origin.ip(), origin.userAgent());
        } catch (ContextNotActiveException timerOrStartup) {
            return event.from("system", null, null, null, null);
        }
    }
}
