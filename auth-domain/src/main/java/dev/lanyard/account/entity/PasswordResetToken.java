package dev.lanyard.account.entity;

import dev.lanyard.crypto.Hashes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The one outstanding password reset of a user. Only the SHA-256 of the token mailed to them is kept: the
 * token is 40 random characters, so a fast hash cannot be reversed by guessing. It is bound to the password it
 * was issued for (the SHA-256 of that password's hash), so any change of the password ends it.
 */
@Entity
@Table(name = "password_reset_tokens")
@NamedQuery(
        name = PasswordResetToken.BURN,
        query = "DELETE FROM PasswordResetToken t WHERE t.userId = :user AND t.tokenHash = :hash")
public class PasswordResetToken {

    /** Deletes the token if it is still there: of two requests racing with one token, one finds nothing. */
    public static final String BURN = "PasswordResetToken.burn";
    /**
     * Written with PostgreSQL's upsert (see {@code PasswordResets}), so that two requests at once for one user
     * leave one row: a new request replaces the token before it, and only the latest mail works.
     */
    public static final String UPSERT = "INSERT INTO password_reset_tokens (user_id, token_hash, created_at,"
            + " password_fingerprint) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id) DO UPDATE SET"
            + " token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at,"
            + " password_fingerprint = EXCLUDED.password_fingerprint";

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_fingerprint", nullable = false, length = 64)
    private String passwordFingerprint;

    protected PasswordResetToken() {}

    public boolean matches(String presentedHash) {
        return Hashes.same(tokenHash, presentedHash);
    }

    /** The fingerprint of a password hash, as {@link #UPSERT} stores it for the password a token was issued for. */
    public static String fingerprint(String passwordHash) {
        return Hashes.sha256Hex(passwordHash);
    }

    /** Whether the user's password is still the one this token was issued for. */
    public boolean issuedFor(String passwordHash) {
        return Hashes.same(passwordFingerprint, fingerprint(passwordHash));
    }

    public boolean isExpiredAt(Instant now, Duration lifetime) {
        return !createdAt.plus(lifetime).isAfter(now);
    }

    public Long userId() {
        return userId;
    }
}
