package dev.lanyard.twofactor.boundary;

import dev.lanyard.account.boundary.SecondFactor;
import dev.lanyard.account.boundary.SignedInUser;
import dev.lanyard.account.control.Passwords;
import dev.lanyard.account.control.SecurityNotices;
import dev.lanyard.account.entity.User;
import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.crypto.Hashes;
import dev.lanyard.crypto.Secrets;
import dev.lanyard.problem.Conflict;
import dev.lanyard.problem.Invalid;
import dev.lanyard.signature.boundary.Signatures;
import dev.lanyard.throttle.control.LoginThrottle;
import dev.lanyard.throttle.control.RateLimits;
import dev.lanyard.token.boundary.SignIn;
import dev.lanyard.token.boundary.TokenIssuer;
import dev.lanyard.twofactor.control.Totp;
import dev.lanyard.twofactor.entity.TwoFactorChallenge;
import dev.lanyard.twofactor.entity.TwoFactorCredential;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two-factor login with TOTP (RFC 6238), after Fortify: enable (secret, otpauth URI and recovery codes, shown
 * once), confirm with a code, disable with the password; a login of such a user ends in a challenge that a code
 * or a recovery code exchanges for a token. Everything is kept in the database, so any node can answer any step.
 */
@Stateless
@Local(SecondFactor.class)
@LocalBean
public class TwoFactor implements SecondFactor {

    static final String PURPOSE = "two-factor-secret";
    static final String INVALID_CODE = "The provided two factor authentication code was invalid.";
    static final String INVALID_RECOVERY_CODE = "The provided two factor recovery code was invalid.";
    static final String INVALID_CHALLENGE = "The two-factor challenge is invalid or has expired. Log in again.";
    private static final int RECOVERY_CODES = 10;
    private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @EJB
    Signatures signatures;

    @EJB
    TokenIssuer tokenIssuer;

    @EJB
    AuditTrail audit;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    SecurityNotices notices;

    @Inject
    @ConfigProperty(name = "lanyard.two-factor.issuer", defaultValue = "Lanyard")
    String issuer;

    private final Clock clock = Clock.systemUTC();

    /** What the user sees once when enabling: never stored in the clear, never shown again. */
    public record Enrolment(String secret, String otpauthUrl, List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "Enrolment[shown once]";
        }
    }

    /** Where a user's second factor stands: never a secret or a code. */
    public record Status(boolean enabled, boolean confirmed, int recoveryCodesLeft) {}

    public Status status(long userId) {
        return Optional.ofNullable(em.find(TwoFactorCredential.class, userId))
                .map(credential -> new Status(
                        true,
                        credential.isConfirmed(),
                        credential.recoveryHashes().size()))
                .orElse(new Status(false, false, 0));
    }

    /**
     * A new secret and recovery codes for the user who proves their password; inactive until {@link #confirm}.
     * Replaces an unconfirmed one.
     */
    public Enrolment enable(long userId, String password) {
        User user = requirePassword(userId, password, "enable");
        TwoFactorCredential existing = em.find(TwoFactorCredential.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null && existing.isConfirmed()) {
            throw new Conflict("Two-factor authentication is already enabled; disable it first.");
        }
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        byte[] secret = Totp.newSecret();
        List<String> codes = newRecoveryCodes();
        em.persist(new TwoFactorCredential(
                userId, signatures.seal(PURPOSE, context(userId), secret), hashes(codes), clock.instant()));
        audit.record(AuditEvent.TWO_FACTOR_ENABLED, userId, null);
        return new Enrolment(Totp.base32(secret), Totp.otpauthUri(issuer, user.email(), secret), codes);
    }

    /** A code from the authenticator app proves it holds the secret; from then on, login asks for codes. */
    public void confirm(long userId, String code) {
        TwoFactorCredential credential = em.find(TwoFactorCredential.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (credential == null) {
            throw Invalid.field("code", "Two-factor authentication has not been enabled.");
        }
        if (!acceptCode(credential, code)) {
            audit.recordRegardless(AuditEvent.TWO_FACTOR_FAILED, userId, "step=confirm");
            throw Invalid.field("code", INVALID_CODE);
        }
        credential.confirm(clock.instant());
        audit.record(AuditEvent.TWO_FACTOR_CONFIRMED, userId, null);
        notices.tell(em.find(User.class, userId), "Two-factor authentication was turned on");
    }

    public void disable(long userId, String password) {
        User user = requirePassword(userId, password, "disable");
        Optional.ofNullable(em.find(TwoFactorCredential.class, userId)).ifPresent(em::remove);
        dropChallenges(userId);
        audit.record(AuditEvent.TWO_FACTOR_DISABLED, userId, null);
        notices.tell(user, "Two-factor authentication was turned off");
    }

    /** Fresh recovery codes for the user who proves their password, shown once; the old ones stop working. */
    public List<String> regenerateRecoveryCodes(long userId, String password) {
        requirePassword(userId, password, "recovery-codes");
        TwoFactorCredential credential = em.find(TwoFactorCredential.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (credential == null) {
            throw new Conflict("Two-factor authentication is not enabled.");
        }
        List<String> codes = newRecoveryCodes();
        credential.replaceRecoveryCodes(hashes(codes));
        audit.record(AuditEvent.TWO_FACTOR_RECOVERY_CODES, userId, null);
        notices.tell(em.find(User.class, userId), "New two-factor recovery codes were made, the old ones revoked,");
        return codes;
    }

    /** A challenge that lasts 5 minutes and is met once. */
    @Override
    public Optional<String> challengeIfEnabled(User user, SignIn signIn) {
        TwoFactorCredential credential = em.find(TwoFactorCredential.class, user.id());
        if (credential == null || !credential.isConfirmed()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        em.createNamedQuery(TwoFactorChallenge.DELETE_EXPIRED)
                .setParameter("now", now)
                .executeUpdate();
        String challenge = Secrets.alphanumeric(40);
        em.persist(new TwoFactorChallenge(
                Hashes.sha256Hex(challenge),
                user.id(),
                signIn.deviceName(),
                signIn.session(),
                now.plus(CHALLENGE_LIFETIME)));
        audit.record(AuditEvent.TWO_FACTOR_CHALLENGED, user.id(), signIn.auditDetail());
        return Optional.of(challenge);
    }

    /**
     * A challenge made for the other kind of sign-in counts as unknown. The challenge row is locked, so of two
     * requests with one challenge only one can succeed; it is deleted on success. Failures count per user.
     */
    @Override
    public SignedInUser exchange(
            String challenge, Optional<String> code, Optional<String> recoveryCode, boolean forSession) {
        TwoFactorChallenge pending = challenge == null
                ? null
                : em.find(TwoFactorChallenge.class, Hashes.sha256Hex(challenge), LockModeType.PESSIMISTIC_WRITE);
        if (pending != null && pending.session() != forSession) {
            pending = null;
        }
        if (pending == null || pending.isExpiredAt(clock.instant())) {
            audit.recordRegardless(
                    AuditEvent.TWO_FACTOR_FAILED,
                    pending == null ? null : pending.userId(),
                    "step=challenge reason=" + (pending == null ? "unknown" : "expired"));
            throw Invalid.field("challenge", INVALID_CHALLENGE);
        }
        long userId = pending.userId();
        String throttleKey = "two-factor|" + userId;
        RateLimits.count(throttle, throttleKey);
        TwoFactorCredential credential = em.find(TwoFactorCredential.class, userId, LockModeType.PESSIMISTIC_WRITE);
        boolean withRecoveryCode = recoveryCode.isPresent();
        boolean accepted = credential != null
                && (withRecoveryCode
                        ? credential.useRecoveryCode(
                                Hashes.sha256Hex(recoveryCode.get().trim()))
                        : acceptCode(credential, code.orElse(null)));
        String method = withRecoveryCode ? "recovery-code" : "code";
        if (!accepted) {
            audit.recordRegardless(AuditEvent.TWO_FACTOR_FAILED, userId, "step=challenge method=" + method);
            throw withRecoveryCode
                    ? Invalid.field("recovery_code", INVALID_RECOVERY_CODE)
                    : Invalid.field("code", INVALID_CODE);
        }
        throttle.clear(throttleKey);
        em.remove(pending);
        if (withRecoveryCode) {
            audit.record(
                    AuditEvent.TWO_FACTOR_RECOVERY_CODE_USED,
                    userId,
                    "remaining=" + credential.recoveryHashes().size());
        }
        User user = em.find(User.class, userId);
        // Disabling drops pending challenges; one met while the user was being disabled signs nobody in.
        if (user == null || user.isDisabled()) {
            throw Invalid.field("challenge", INVALID_CHALLENGE);
        }
        SignIn signIn = new SignIn(pending.session(), pending.deviceName());
        return new SignedInUser(user, tokenIssuer.completeLogin(user, signIn, " two-factor=" + method));
    }

    /**
     * The user, once their password is proved: the check that guards every change of the second factor, so that a
     * stolen token alone cannot change it. Throttled per user like a login, counted before the hash.
     */
    private User requirePassword(long userId, String password, String step) {
        String throttleKey = "two-factor-password|" + userId;
        User user;
        boolean proved;
        try (Passwords.Turn turn = passwords.turn()) {
            RateLimits.count(throttle, throttleKey);
            user = em.find(User.class, userId);
            proved = password != null && turn.verify(password, user.passwordHash());
        }
        if (!proved) {
            audit.recordRegardless(AuditEvent.TWO_FACTOR_FAILED, userId, "step=" + step);
            throw Invalid.field("password", "The provided password is incorrect.");
        }
        throttle.clear(throttleKey);
        return user;
    }

    @Override
    public void dropChallenges(long userId) {
        em.createNamedQuery(TwoFactorChallenge.DELETE_OF_USER)
                .setParameter("user", userId)
                .executeUpdate();
    }

    private boolean acceptCode(TwoFactorCredential credential, String code) {
        byte[] secret = signatures.open(PURPOSE, context(credential.userId()), credential.secretSealed());
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        return step.isPresent() && credential.acceptStep(step.getAsLong());
    }

    private static String context(long userId) {
        return "user:" + userId;
    }

    private static List<String> newRecoveryCodes() {
        return IntStream.range(0, RECOVERY_CODES)
                .mapToObj(i -> Secrets.recoveryCode())
                .toList();
    }

    private static List<String> hashes(List<String> codes) {
        return codes.stream().map(Hashes::sha256Hex).toList();
    }
}
