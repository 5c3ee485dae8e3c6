package dev.lanyard.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where links in mails point. {@code lanyard.app.url} (the public address, e.g. {@code https://auth.example.com})
 * when set; otherwise the address the request came in on, which a client can choose with its {@code Host}
 * header, so production should set it.
 */
@ApplicationScoped
public class Links {

    @Inject
    @ConfigProperty(name = "lanyard.app.url")
    Optional<String> appUrl;

    /** The root of the application (ending in {@code /}) for a request whose API base was {@code requestApiBase}. */
    public URI appRoot(URI requestApiBase) {
        return appUrl.map(url -> URI.create(url.endsWith("/") ? url : url + "/"))
                .orElseGet(() -> requestApiBase.resolve(".."));
    }
}
