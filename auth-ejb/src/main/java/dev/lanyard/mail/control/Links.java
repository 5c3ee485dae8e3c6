package dev.lanyard.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where links in mails point: {@code lanyard.app.url}, the public address (e.g. {@code https://auth.example.com}),
 * and never the address a request came in on, which a client chooses with its {@code Host} header (a reset link
 * to the attacker's host would hand them the token). {@link dev.lanyard.mail.boundary.MailStartupCheck} refuses
 * to start a server whose mails leave it without that address.
 */
@ApplicationScoped
public class Links {

    public static final String APP_URL = "lanyard.app.url";

    @Inject
    @ConfigProperty(name = APP_URL)
    Optional<String> appUrl;

    /**
     * The root of the application, ending in {@code /}. Without {@code lanyard.app.url} a path alone: such a
     * server neither sends mails nor logs their content, so the link never reaches anyone.
     */
    public URI appRoot() {
        return configuredRoot().orElse(URI.create("/"));
    }

    /** The root {@code lanyard.app.url} names; fails, naming the key, when it is not an absolute http(s) URL. */
    public Optional<URI> configuredRoot() {
        return appUrl.map(String::trim).map(Links::parse);
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url : url + "/");
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new URISyntaxException(url, "not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(
                    APP_URL + " must be the application's public http(s) address, such as"
                            + " https://auth.example.com/, not " + url,
                    e);
        }
    }
}
