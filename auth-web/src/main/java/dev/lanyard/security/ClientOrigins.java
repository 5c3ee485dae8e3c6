package dev.lanyard.security;

import dev.lanyard.security.TrustedProxies.ClientOrigin;
import dev.lanyard.startup.StartupRefusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who each request comes from, behind the reverse proxies of {@code lanyard.trusted-proxies}: the one place the
 * web tier learns a client's address and scheme ({@link TrustedProxies} says how).
 */
@ApplicationScoped
public class ClientOrigins {

    private static final Logger LOG = Logger.getLogger(ClientOrigins.class.getName());
    private static final String RESOLVED = ClientOrigin.class.getName();

    @Inject
    @ConfigProperty(name = TrustedProxies.KEY)
    Optional<String> trustedProxies;

    private TrustedProxies proxies;

    /** A malformed list stops the deployment: ignoring an entry would put every client behind it at one address. */
    @PostConstruct
    void read() {
        try {
            proxies = TrustedProxies.parse(trustedProxies.orElse(""));
        } catch (IllegalArgumentException e) {
            throw new StartupRefusal(e.getMessage(), e);
        }
        if (!proxies.isEmpty()) {
            LOG.log(Level.INFO, "Forwarding headers are read from the trusted proxies {0}", trustedProxies.get());
        }
    }

    /** Creates this bean when the application starts, so that a malformed list fails the deployment at once. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing is enough: the container built the bean and ran read() to deliver the event.
    }

    /**
     * Resolved once a request and kept on it: the security headers, the audit origin and the login and SPA paths
     * all ask, and the answer cannot change while the request lasts.
     */
    public ClientOrigin of(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof ClientOrigin resolved) {
            return resolved;
        }
        ClientOrigin origin = proxies.resolve(
                request.getRemoteAddr(), request.isSecure(), name -> Collections.list(request.getHeaders(name)));
        request.setAttribute(RESOLVED, origin);
        return origin;
    }
}
