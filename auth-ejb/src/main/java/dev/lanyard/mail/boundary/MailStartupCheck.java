package dev.lanyard.mail.boundary;

import dev.lanyard.mail.control.Links;
import dev.lanyard.mail.control.Mailer;
import dev.lanyard.startup.StartupRefusal;
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
            throw new StartupRefusal(e.getMessage(), e);
        }
        if (appRoot.isEmpty() && mailer.contentLeavesServer()) {
            throw new StartupRefusal(Links.APP_URL + " is not set, but " + mailer.whereMailsGo()
                    + ": set it to the application's public address, such as https://auth.example.com/,"
                    + " which the links in mails point to");
        }
    }
}
