package dev.lanyard.account.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.crypto.Hashes;
import dev.lanyard.mail.control.Links;
import dev.lanyard.mail.control.MailTemplates;
import dev.lanyard.mail.control.Mailer;
import dev.lanyard.problem.Forbidden;
import dev.lanyard.signature.boundary.Signatures;
import dev.lanyard.throttle.control.LoginThrottle;
import dev.lanyard.throttle.control.RateLimits;
import dev.lanyard.token.control.Evictions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Laravel's signed verification link, {@code /api/email/verify/{id}/{hash}?expires=…&signature=…}: the hash
 * binds the link to the address it was sent to, the HMAC (server key, purpose {@value #PURPOSE}) to id, hash
 * and expiry, so no part can be changed.
 */
@Stateless
public class EmailVerification {

    static final String PURPOSE = "email-verification";
    static final String INVALID = "Invalid signature.";
    static final String EXPIRED = "This verification link has expired.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Evictions evictions;

    @EJB
    Signatures signatures;

    @EJB
    AuditTrail audit;

    @Inject
    Mailer mailer;

    @Inject
    Links links;

    @Inject
    LoginThrottle throttle;

    @Inject
    @ConfigProperty(name = "lanyard.email-verification.expire-minutes", defaultValue = "60")
    long expireMinutes;

    private final Clock clock = Clock.systemUTC();

    /**
     * A new link on the user's request: counted per user in the login throttle, so the server cannot be used
     * to flood an inbox.
     */
    public boolean resend(long userId) {
        String throttleKey = "verification-mail|" + userId;
        RateLimits.count(throttle, throttleKey);
        return send(userId);
    }

    /** Mails a fresh link; false when there is nothing to verify any more. */
    public boolean send(long userId) {
        User user = em.find(User.class, userId);
        if (user.emailVerified()) {
            return false;
        }
        Instant expires = clock.instant().plus(Duration.ofMinutes(expireMinutes));
        String hash = emailHash(user.email());
        long expiresSecond = expires.getEpochSecond();
        URI link = links.appRoot()
                .resolve("api/email/verify/" + user.id() + "/" + hash + "?expires=" + expiresSecond + "&signature="
                        + signatures.sign(PURPOSE, payload(user.id(), hash, expiresSecond)));
        mailer.send(MailTemplates.render(
                "verify-email",
                user.email(),
                Map.of(
                        "name",
                        user.name(),
                        "email",
                        user.email(),
                        "link",
                        link.toString(),
                        "expires",
                        Instant.ofEpochSecond(expiresSecond).toString())));
        audit.record(AuditEvent.EMAIL_VERIFICATION_SENT, user.id(), null);
        return true;
    }

    /** Marks the address verified when the link is intact and unexpired; 403 otherwise. */
    public void verify(long userId, String hash, String expires, String signature) {
        Optional<Long> expiresSecond = parse(expires);
        boolean signed = expiresSecond.isPresent()
                && signatures.verifies(PURPOSE, payload(userId, hash, expiresSecond.get()), signature);
        if (!signed) {
            audit.recordRegardless(AuditEvent.EMAIL_VERIFICATION_FAILED, null, "user=" + userId + " reason=signature");
            throw new Forbidden(INVALID);
        }
        if (!Instant.ofEpochSecond(expiresSecond.get()).isAfter(clock.instant())) {
            audit.recordRegardless(AuditEvent.EMAIL_VERIFICATION_FAILED, userId, "reason=expired");
            throw new Forbidden(EXPIRED);
        }
        User user = em.find(User.class, userId);
        // Signed for an address the account no longer has (or an account deleted since): not this one's proof.
        if (user == null || !Hashes.same(emailHash(user.email()), hash)) {
            audit.recordRegardless(
                    AuditEvent.EMAIL_VERIFICATION_FAILED, user == null ? null : userId, "reason=email-changed");
            throw new Forbidden(INVALID);
        }
        user.markEmailVerified(clock.instant());
        // Cached with the user's tokens: what RequireVerifiedEmail lets them do changes now.
        evictions.owner(userId);
        audit.record(AuditEvent.EMAIL_VERIFIED, userId, null);
    }

    static String emailHash(String email) {
        return Hashes.sha256Hex(User.normalizeEmail(email));
    }

    private static String payload(long userId, String hash, long expiresSecond) {
        return userId + "/" + hash + "/" + expiresSecond;
    }

    private static Optional<Long> parse(String number) {
        try {
            return Optional.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
