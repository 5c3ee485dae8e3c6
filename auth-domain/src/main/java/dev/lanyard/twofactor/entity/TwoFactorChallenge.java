package dev.lanyard.twofactor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A login that passed the password and waits for its second factor. The client holds a random challenge; only
 * its SHA-256 is kept. Used once, then deleted; refused after {@link #expiresAt}.
 */
@Entity
@Table(name = "two_factor_challenges")
@NamedQuery(
        name = TwoFactorChallenge.DELETE_EXPIRED,
        query = "DELETE FROM TwoFactorChallenge c WHERE c.expiresAt < :now")
@NamedQuery(name = TwoFactorChallenge.DELETE_OF_USER, query = "DELETE FROM TwoFactorChallenge c WHERE c.userId = :user")
public class TwoFactorChallenge {

    public static final String DELETE_EXPIRED = "TwoFactorChallenge.deleteExpired";
    public static final String DELETE_OF_USER = "TwoFactorChallenge.deleteOfUser";

    @Id
    @Column(name = "challenge_hash", length = 64)
    private String challengeHash;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "device_name", nullable = false)
    private String deviceName;

    /** Whether meeting the challenge opens a browser session rather than issuing an API token. */
    @Column(nullable = false)
    private boolean session;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected TwoFactorChallenge() {}

    public TwoFactorChallenge(
            String challengeHash, long userId, String deviceName, boolean session, Instant expiresAt) {
        this.challengeHash = Objects.requireNonNull(challengeHash, "challengeHash");
        this.userId = userId;
        this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
        this.session = session;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public Long userId() {
        return userId;
    }

    public String deviceName() {
        return deviceName;
    }

    public boolean session() {
        return session;
    }
}
