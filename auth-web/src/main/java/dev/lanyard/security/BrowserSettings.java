package dev.lanyard.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which browsers count as this server's single-page apps, and which origins may call the API cross-origin. */
@ApplicationScoped
public class BrowserSettings {

    static final String ANY_ORIGIN = "*";

    @Inject
    @ConfigProperty(
            name = "lanyard.stateful-domains",
            defaultValue = "localhost,localhost:3000,127.0.0.1,127.0.0.1:8000,::1")
    String statefulDomains;

    @Inject
    @ConfigProperty(name = "lanyard.cors.allowed-origins")
    Optional<String> allowedOrigins;

    private StatefulDomains domains;
    private Set<String> origins;

    @PostConstruct
    void read() {
        domains = StatefulDomains.of(statefulDomains);
        origins = Arrays.stream(allowedOrigins.orElse("").split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin.replaceFirst("/+$", "").toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether the request comes from a page of a stateful domain, judged by its Referer or, when there is none,
     * its Origin (Sanctum's rule). Only such requests may use the session cookie, and they must pass CSRF.
     */
    public boolean isStateful(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        String page = referer != null && !referer.isBlank() ? referer : request.getHeader("Origin");
        return domains.matches(page, Optional.ofNullable(request.getHeader("Host")));
    }

    /** Whether a cross-origin page may send credentials: its origin is a stateful domain. */
    public boolean isStatefulOrigin(String origin) {
        return domains.matches(origin, Optional.empty());
    }

    public boolean allowsOrigin(String origin) {
        return origins.contains(ANY_ORIGIN) || origins.contains(origin.toLowerCase(Locale.ROOT));
    }
}
