package dev.lanyard.token.control;

import dev.lanyard.account.entity.User;
import dev.lanyard.mail.control.MailTemplates;
import dev.lanyard.mail.control.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Tells a user by mail what happened, or is about to happen, to one of their API tokens, naming it: what GitHub
 * mails about personal access tokens. A token's name is the user's own text, so it stays out of the subject line.
 */
@ApplicationScoped
public class TokenNotices {

    @Inject
    Mailer mailer;

    public void reported(User owner, String tokenName) {
        send(
                owner,
                "An API token of yours was reported as exposed",
                "Your API token \"" + tokenName + "\" was reported as exposed: found where others can read it, such as"
                        + " a public repository. It was revoked at " + now() + " (UTC) and no longer works.",
                "Create a new token for whatever used it, and keep it out of code and logs.");
    }

    public void expiresSoon(User owner, String tokenName, Instant expiresAt) {
        send(
                owner,
                "An API token of yours expires soon",
                "Your API token \"" + tokenName + "\" expires at " + expiresAt.truncatedTo(ChronoUnit.SECONDS)
                        + " (UTC).",
                "If something still uses it, create a new token before then, or refresh this one with"
                        + " POST /api/token/refresh.");
    }

    public void revokedUnused(User owner, String tokenName, int days) {
        send(
                owner,
                "An API token of yours was revoked for lack of use",
                "Your API token \"" + tokenName + "\" was not used for " + days + " days, so it was revoked at " + now()
                        + " (UTC): a token nobody uses is only a risk.",
                "If you still need one, create a new token.");
    }

    private void send(User owner, String subject, String what, String advice) {
        mailer.send(MailTemplates.render(
                "token-notice",
                owner.email(),
                Map.of("subject", subject, "name", owner.name(), "what", what, "advice", advice)));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
