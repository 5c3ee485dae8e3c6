package dev.lanyard.account.boundary;

import dev.lanyard.account.control.PasswordRules;
import dev.lanyard.account.control.Passwords;
import dev.lanyard.account.control.SecurityNotices;
import dev.lanyard.account.entity.PasswordResetToken;
import dev.lanyard.account.entity.User;
import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.crypto.Hashes;
import dev.lanyard.crypto.Secrets;
import dev.lanyard.mail.control.Links;
import dev.lanyard.mail.control.MailTemplates;
import dev.lanyard.mail.control.Mailer;
import dev.lanyard.problem.Invalid;
import dev.lanyard.throttle.control.LoginThrottle;
import dev.lanyard.throttle.control.RateLimits;
import dev.lanyard.token.boundary.RevokeReason;
import dev.lanyard.token.boundary.Tokens;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgotten passwords (Fortify's forgot-password and reset-password): a single-use token by mail, stored only as
 * its SHA-256, valid for {@code lanyard.password-reset.expire-minutes}.
 */
@Stateless
public class PasswordResets {

    static final String INVALID_TOKEN = "This password reset token is invalid.";
    private static final int TOKEN_LENGTH = 40;

    @PersistenceContext
    EntityManager em;

    @EJB
    Accounts accounts;

    @EJB
    Tokens tokens;

    @EJB
    SecondFactor secondFactor;

    @EJB
    AuditTrail audit;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    Mailer mailer;

    @Inject
    Links links;

    @Inject
    SecurityNotices notices;

    @Inject
    @ConfigProperty(name = "lanyard.password-reset.expire-minutes", defaultValue = "60")
    long expireMinutes;

    private final Clock clock = Clock.systemUTC();

    /**
     * Mails a reset token when the email belongs to a user. Whether it does is never told: the caller sees the
     * same answer, in the same time (the mail leaves later, on another thread), and each request counts against
     * the email and the client address alike.
     */
    public void forgot(String email, String clientAddress) {
        String emailKey = "forgot-email|" + User.normalizeEmail(email);
        String addressKey = "forgot-ip|" + clientAddress;
        RateLimits.count(throttle, emailKey, addressKey);
        Optional<User> user = accounts.findByEmail(email);
        audit.record(
                AuditEvent.PASSWORD_RESET_REQUESTED,
                user.map(User::id).orElse(null),
                "email=" + User.normalizeEmail(email) + (user.isPresent() ? "" : " unknown"));
        user.ifPresent(this::mailToken);
    }

    /**
     * Sets a new password with a reset token: the token is burned, and every token of the user revoked, since
     * whoever knew the old password may hold some.
     */
    public void reset(String token, String email, String password, String confirmation) {
        var problems = PasswordRules.problems(password, confirmation);
        if (!problems.isEmpty()) {
            throw new Invalid(Map.of("password", problems));
        }
        Optional<User> user = accounts.findByEmail(email);
        Optional<PasswordResetToken> stored = user.map(found -> em.find(PasswordResetToken.class, found.id()));
        Instant now = clock.instant();
        // Issued for the password in place now: a change or a reset since then (whoever made it) ended it.
        boolean valid = stored.isPresent()
                && token != null
                && stored.get().matches(Hashes.sha256Hex(token))
                && !stored.get().isExpiredAt(now, Duration.ofMinutes(expireMinutes))
                && stored.get().issuedFor(user.get().passwordHash());
        if (!valid) {
            audit.recordRegardless(
                    AuditEvent.PASSWORD_RESET_FAILED,
                    user.map(User::id).orElse(null),
                    "email=" + User.normalizeEmail(email));
            throw Invalid.field("email", INVALID_TOKEN);
        }
        User found = user.get();
        int burned = em.createNamedQuery(PasswordResetToken.BURN)
                .setParameter("user", found.id())
                .setParameter("hash", Hashes.sha256Hex(token))
                .executeUpdate();
        if (burned == 0) {
            throw Invalid.field("email", INVALID_TOKEN);
        }
        found.changePasswordHash(passwords.hash(password));
        tokens.revokeAll(found, RevokeReason.PASSWORD_RESET);
        secondFactor.dropChallenges(found.id());
        audit.record(AuditEvent.PASSWORD_RESET, found.id(), null);
        notices.tell(found, "Your password was reset with a link from a mail, and every session signed out");
    }

    private void mailToken(User user) {
        String token = Secrets.alphanumeric(TOKEN_LENGTH);
        Instant now = clock.instant();
        em.createNativeQuery(PasswordResetToken.UPSERT)
                .setParameter(1, user.id())
                .setParameter(2, Hashes.sha256Hex(token))
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, PasswordResetToken.fingerprint(user.passwordHash()))
                .executeUpdate();
        String link = links.appRoot()
                .resolve("reset-password?token=" + token + "&email="
                        + URLEncoder.encode(user.email(), StandardCharsets.UTF_8))
                .toString();
        mailer.send(MailTemplates.render(
                "reset-password",
                user.email(),
                Map.of(
                        "name",
                        user.name(),
                        "email",
                        user.email(),
                        "token",
                        token,
                        "link",
                        link,
                        "expires",
                        now.plus(Duration.ofMinutes(expireMinutes))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString())));
    }
}
