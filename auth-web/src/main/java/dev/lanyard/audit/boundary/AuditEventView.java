package dev.lanyard.audit.boundary;

import dev.lanyard.audit.entity.AuditEvent;
import java.time.Instant;

/** An audit event as the API shows it: ids of users and tokens, never a secret. */
public record AuditEventView(
        long id,
        String type,
        Long userId,
        String actorKind,
        Long actorId,
        Long tokenId,
        String ip,
        String userAgent,
        String detail,
        Instant occurredAt) {

    public static AuditEventView of(AuditEvent event) {
        return new AuditEventView(
                event.id(),
                event.type(),
                event.userId(),
                event.actorKind(),
                event.actorId(),
                event.tokenId(),
                event.ip(),
                event.userAgent(),
                event.detail(),
                event.occurredAt());
    }
}
