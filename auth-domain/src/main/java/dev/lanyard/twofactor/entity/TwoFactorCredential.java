package dev.lanyard.twofactor.entity;

import dev.lanyard.crypto.Hashes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A user's second factor: the TOTP secret (sealed, never stored in the clear), the SHA-256 hashes of the
 * unused recovery codes, and the last time step a code was accepted for. It takes effect once confirmed.
 */
@Entity
@Table(name = "two_factor_credentials")
public class TwoFactorCredential {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "secret_sealed", nullable = false)
    private byte[] secretSealed;

    @Column(name = "recovery_hashes", nullable = false, length = 1000)
    private String recoveryHashes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_used_step")
    private Long lastUsedStep;

    protected TwoFactorCredential() {}

    public TwoFactorCredential(long userId, byte[] secretSealed, List<String> recoveryHashes, Instant createdAt) {
        this.userId = userId;
        this.secretSealed = Objects.requireNonNull(secretSealed, "secretSealed").clone();
        replaceRecoveryCodes(recoveryHashes);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public void confirm(Instant at) {
        if (confirmedAt == null) {
            confirmedAt = at.truncatedTo(ChronoUnit.MICROS);
        }
    }

    /**
     * Accepts a code of time step {@code step} once: only steps after the last accepted one count, so a code
     * seen by someone else (over a shoulder, in a proxy) is worthless once used.
     */
    public boolean acceptStep(long step) {
        if (lastUsedStep != null && step <= lastUsedStep) {
            return false;
        }
        lastUsedStep = step;
        return true;
    }

    /** Uses up the recovery code with this hash; false when there is none (never issued, or used before). */
    public boolean useRecoveryCode(String codeHash) {
        List<String> remaining = new ArrayList<>(recoveryHashes());
        boolean found = false;
        for (String stored : recoveryHashes()) {
            // Every hash is compared, matched or not, so the time taken says nothing about the codes.
            if (Hashes.same(stored, codeHash)) {
                remaining.remove(stored);
                found = true;
            }
        }
        recoveryHashes = String.join(" ", remaining);
        return found;
    }

    public void replaceRecoveryCodes(List<String> hashes) {
        recoveryHashes = String.join(" ", hashes);
    }

    public List<String> recoveryHashes() {
        return recoveryHashes.isBlank() ? List.of() : Arrays.asList(recoveryHashes.split(" "));
    }

    public byte[] secretSealed() {
        return secretSealed.clone();
    }

    public Long userId() {
        return userId;
    }
}
