package dev.lanyard.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** Something security-relevant that happened, kept for the audit trail. Never changed once written. */
@Entity
@Table(name = "audit_events")
@NamedQuery(name = AuditEvent.RECENT, query = "SELECT e FROM AuditEvent e ORDER BY e.occurredAt DESC, e.id DESC")
public class AuditEvent {

    public static final String RECENT = "AuditEvent.recent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String type;

    @Column(length = 1000)
    private String detail;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AuditEvent() {
    }

    public AuditEvent(String type, String detail, Instant occurredAt) {
        this.type = Objects.requireNonNull(type, "type");
        this.detail = detail;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public Long id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
