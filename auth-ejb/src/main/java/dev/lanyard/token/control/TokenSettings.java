package dev.lanyard.token.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The token settings of the contract, read once. */
@ApplicationScoped
public class TokenSettings {

    @Inject
    @ConfigProperty(name = "lanyard.token.prefix", defaultValue = "lny_")
    String prefix;

    @Inject
    @ConfigProperty(name = "lanyard.token.expiration-minutes", defaultValue = "43200")
    long expirationMinutes;

    @Inject
    @ConfigProperty(name = "lanyard.token.last-used-resolution-seconds", defaultValue = "60")
    long lastUsedResolutionSeconds;

    @Inject
    @ConfigProperty(name = "lanyard.session.lifetime-minutes", defaultValue = "120")
    long sessionLifetimeMinutes;

    public String prefix() {
        return prefix;
    }

    /** How long any token lives after its creation; none when configured as 0. */
    public Optional<Duration> lifetime() {
        return expirationMinutes > 0 ? Optional.of(Duration.ofMinutes(expirationMinutes)) : Optional.empty();
    }

    /** How long a browser session lasts after sign-in; at least a minute. */
    public Duration sessionLifetime() {
        return Duration.ofMinutes(Math.max(1, sessionLifetimeMinutes));
    }

    public Duration lastUsedResolution() {
        return Duration.ofSeconds(Math.max(0, lastUsedResolutionSeconds));
    }
}
