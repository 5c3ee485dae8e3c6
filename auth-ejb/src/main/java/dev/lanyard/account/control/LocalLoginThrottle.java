package dev.lanyard.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The login throttle of a single server: {@code lanyard.login.max-attempts} failures per
 * {@code lanyard.login.decay-seconds}, counted in this JVM.
 */
@ApplicationScoped
public class LocalLoginThrottle implements LoginThrottle {

    private static final int PURGE_THRESHOLD = 10_000;

    @Inject
    @ConfigProperty(name = "lanyard.login.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "lanyard.login.decay-seconds", defaultValue = "60")
    int decaySeconds;

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(int failures, Instant resetsAt) {
    }

    @Override
    public OptionalLong lockedFor(String key) {
        Instant now = clock.instant();
        Window window = windows.get(key);
        if (window == null || !window.resetsAt().isAfter(now) || window.failures() < maxAttempts) {
            return OptionalLong.empty();
        }
        long seconds = Duration.between(now, window.resetsAt()).toSeconds();
        return OptionalLong.of(Math.max(1, seconds + 1));
    }

    @Override
    public void recordFailure(String key) {
        Instant now = clock.instant();
        if (windows.size() > PURGE_THRESHOLD) {
            windows.values().removeIf(window -> !window.resetsAt().isAfter(now));
        }
        windows.merge(key, new Window(1, now.plusSeconds(decaySeconds)),
                (old, fresh) -> old.resetsAt().isAfter(now) ? new Window(old.failures() + 1, old.resetsAt()) : fresh);
    }

    @Override
    public void clear(String key) {
        windows.remove(key);
    }
}
