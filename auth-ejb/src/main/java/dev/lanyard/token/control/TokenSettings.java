package dev.lanyard.token.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The token settings of the contract, read once. */
@ApplicationScoped
public class TokenSettings {

    static final String REMINDER_DAYS = "lanyard.token.expiry-reminder-days";
    static final String DEFAULT_REMINDER_DAYS = "7,1";

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

    @Inject
    @ConfigProperty(name = "lanyard.token.max-per-user", defaultValue = "100")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "lanyard.token.max-lifetime-days", defaultValue = "0")
    long maxLifetimeDays;

    @Inject
    @ConfigProperty(name = "lanyard.token.max-refresh-grace-seconds", defaultValue = "300")
    long maxRefreshGraceSeconds;

    @Inject
    @ConfigProperty(name = "lanyard.token.revoke-unused-days", defaultValue = "0")
    int revokeUnusedDays;

    @Inject
    @ConfigProperty(name = "lanyard.session.idle-minutes", defaultValue = "30")
    long sessionIdleMinutes;

    @Inject
    @ConfigProperty(name = "lanyard.token.idle-days", defaultValue = "0")
    long tokenIdleDays;

    @Inject
    Config config;

    private List<Integer> reminderDays;
    // Asked at every authentication, so made once.
    private Optional<Duration> sessionIdle;
    private Optional<Duration> tokenIdle;

    /**
     * {@code lanyard.token.expiry-reminder-days}, "7,1" unless set; set empty (or 0) it turns reminders off. MP
     * Config reads an empty value as no value at all, so the sources are asked for the raw one.
     */
    @PostConstruct
    void read() {
        String days = StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .map(source -> source.getValue(REMINDER_DAYS))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(DEFAULT_REMINDER_DAYS);
        reminderDays = ReminderDays.parse(days);
        sessionIdle = positive(Duration.ofMinutes(sessionIdleMinutes));
        tokenIdle = positive(Duration.ofDays(tokenIdleDays));
    }

    private static Optional<Duration> positive(Duration duration) {
        return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(duration);
    }

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

    /** How many live tokens a user may hold, browser sessions aside; no limit when configured as 0. */
    public OptionalInt maxPerUser() {
        return maxPerUser > 0 ? OptionalInt.of(maxPerUser) : OptionalInt.empty();
    }

    /** How far ahead a token a user creates may expire; none when configured as 0. */
    public Optional<Duration> maxLifetime() {
        return maxLifetimeDays > 0 ? Optional.of(Duration.ofDays(maxLifetimeDays)) : Optional.empty();
    }

    /** The longest grace a refresh may give the token it replaces. */
    public Duration maxRefreshGrace() {
        return Duration.ofSeconds(Math.max(0, maxRefreshGraceSeconds));
    }

    /** How many days before a token expires its owner is reminded, fewest first; empty when never. */
    public List<Integer> expiryReminderDays() {
        return reminderDays;
    }

    /** After how long without a use a token is revoked; never when configured as 0. */
    public Optional<Integer> revokeUnusedDays() {
        return revokeUnusedDays > 0 ? Optional.of(revokeUnusedDays) : Optional.empty();
    }

    /** How long a browser session, or an API token, may go unused before it ends; never when configured as 0. */
    public Optional<Duration> idleTimeout(boolean session) {
        return session ? sessionIdle : tokenIdle;
    }

    public Duration lastUsedResolution() {
        return Duration.ofSeconds(Math.max(0, lastUsedResolutionSeconds));
    }
}
