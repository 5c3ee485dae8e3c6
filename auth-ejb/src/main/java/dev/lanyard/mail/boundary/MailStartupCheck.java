package dev.lanyard.mail.boundary;

import dev.lanyard.mail.control.Links;
import dev.lanyard.mail.control.Mailer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;

/**
 * Fails the deployment when mails would carry links but {@code lanyard.app.url} is missing or malformed: a server
 * that cannot build a trustworthy link must not start, rather than mail links to a guessed host.
 */
@Singleton
@Startup
public class MailStartupCheck {

    /** Starts every refusal, so launchers can find the reason among the server's output. */
    public static final String REFUSAL = "Lanyard cannot start: ";

    @Inject
    Mailer mailer;

    @Inject
    Links links;

    @PostConstruct
    void requireAppUrlWhereMailsLeave() {
        Optional<URI> appRoot;
        try {
            appRoot = links.configuredRoot();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(REFUSAL + e.getMessage(), e);
        }
        if (appRoot.isEmpty() && mailer.contentLeavesServer()) {
            throw new IllegalStateException(REFUSAL + Links.APP_URL + " is not set, but " + mailer.whereMailsGo()
                    + ": set it to the application's public address, such as https://auth.example.com/,"
                    + " which the links in mails point to");
        }
    }
}
