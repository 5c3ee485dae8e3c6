package dev.lanyard.audit.entity;

import dev.lanyard.persistence.ColumnText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Something security-relevant that happened, kept for the audit trail and never changed once written. It names
 * tokens by id only, never by their secret. What a caller sent (a name in the detail, a user agent, an address)
 * is cut to its column here, so no request can make an audit write fail by its size.
 */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    public static final String USER_REGISTERED = "user.registered";
    public static final String USER_DELETED = "user.deleted";
    public static final String USER_DISABLED = "user.disabled";
    public static final String USER_ENABLED = "user.enabled";
    public static final String LOGIN_SUCCEEDED = "login.succeeded";
    public static final String LOGIN_FAILED = "login.failed";
    public static final String TOKEN_CREATED = "token.created";
    public static final String TOKEN_REVOKED = "token.revoked";
    public static final String TOKEN_REPORTED = "token.reported";
    public static final String TOKENS_PRUNED = "tokens.pruned";
    public static final String CLIENT_CREATED = "client.created";
    public static final String CLIENT_DELETED = "client.deleted";
    public static final String PASSWORD_CHANGED = "password.changed";
    public static final String PASSWORD_CHANGE_FAILED = "password.change-failed";
    public static final String PASSWORD_RESET_REQUESTED = "password.reset-requested";
    public static final String PASSWORD_RESET = "password.reset";
    public static final String PASSWORD_RESET_FAILED = "password.reset-failed";
    public static final String EMAIL_VERIFICATION_SENT = "email.verification-sent";
    public static final String EMAIL_VERIFIED = "email.verified";
    public static final String EMAIL_VERIFICATION_FAILED = "email.verification-failed";
    public static final String TWO_FACTOR_ENABLED = "two-factor.enabled";
    public static final String TWO_FACTOR_CONFIRMED = "two-factor.confirmed";
    public static final String TWO_FACTOR_DISABLED = "two-factor.disabled";
    public static final String TWO_FACTOR_RECOVERY_CODES = "two-factor.recovery-codes-regenerated";
    public static final String TWO_FACTOR_CHALLENGED = "two-factor.challenged";
    public static final String TWO_FACTOR_FAILED = "two-factor.failed";
    public static final String TWO_FACTOR_RECOVERY_CODE_USED = "two-factor.recovery-code-used";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private static final int MAX_ACTOR_KIND = 16;
    private static final int MAX_DETAIL = 1000;

    @Column(nullable = false, length = 64)
    private String type;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "actor_kind", length = MAX_ACTOR_KIND)
    private String actorKind;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "token_id")
    private Long tokenId;

    @Column(length = ColumnText.MAX_IP)
    private String ip;

    @Column(name = "user_agent", length = ColumnText.MAX_USER_AGENT)
    private String userAgent;

    @Column(length = MAX_DETAIL)
    private String detail;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AuditEvent() {}

    public AuditEvent(String type, Long userId, String detail, Instant occurredAt) {
        this.type = Objects.requireNonNull(type, "type");
        this.userId = userId;
        this.detail = ColumnText.fit(detail, MAX_DETAIL);
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
    }

    /** Where the request that caused the event came from, and who made it. */
    public AuditEvent from(String actorKind, Long actorId, Long tokenId, String ip, String userAgent) {
        this.actorKind = ColumnText.fit(actorKind, MAX_ACTOR_KIND);
        this.actorId = actorId;
        this.tokenId = tokenId;
        this.ip = ColumnText.fit(ip, ColumnText.MAX_IP);
        this.userAgent = ColumnText.fit(userAgent, ColumnText.MAX_USER_AGENT);
        return this;
    }

    /** The token the event is about, when it is not the one the request was made with. */
    public AuditEvent aboutToken(Long tokenId) {
        this.tokenId = tokenId;
        return this;
    }

    public Long id() {
        return id;
    }

    public String type() {
        return type;
    }

    public Long userId() {
        return userId;
    }

    public String actorKind() {
        return actorKind;
    }

    public Long actorId() {
        return actorId;
    }

    public Long tokenId() {
        return tokenId;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    public String detail() {
        return detail;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
