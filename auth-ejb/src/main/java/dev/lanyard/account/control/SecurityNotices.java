package dev.lanyard.account.control;

import dev.lanyard.account.entity.User;
import dev.lanyard.mail.control.MailTemplates;
import dev.lanyard.mail.control.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Tells a user by mail that an authentication detail of theirs changed (ASVS 5.0 §6.3.7), so a change they did
 * not make does not go unnoticed.
 */
@ApplicationScoped
public class SecurityNotices {

    @Inject
    Mailer mailer;

    /** {@code change} completes "… on your account": e.g. "Your password was changed". */
    public void tell(User user, String change) {
        mailer.send(MailTemplates.render(
                "security-notice",
                user.email(),
                Map.of(
                        "name",
                        user.name(),
                        "email",
                        user.email(),
                        "change",
                        change,
                        "when",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())));
    }
}
