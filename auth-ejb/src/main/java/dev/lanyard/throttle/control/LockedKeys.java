package dev.lanyard.throttle.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The keys this node has seen past their limit, until their window ends: while a key is here, its attempts are
 * refused without asking the database. The database still decides when a key locks; this only remembers it, so
 * that a flood of refused attempts costs neither a connection nor a write to one contended row each.
 */
@ApplicationScoped
public class LockedKeys {

    // Locked keys are few (each took a window's worth of attempts); expired ones are dropped past this many.
    private static final int TIDY_ABOVE = 10_000;

    private final ConcurrentHashMap<String, Long> until = new ConcurrentHashMap<>();

    /** Seconds until the key's window ends, when this node knows it to be locked. */
    public OptionalLong secondsLeft(String key) {
        Long end = until.get(key);
        if (end == null) {
            return OptionalLong.empty();
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
            until.remove(key, end);
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + TimeUnit.SECONDS.toNanos(1) - 1)));
    }

    public void lock(String key, long seconds) {
        if (until.size() > TIDY_ABOVE) {
            long now = System.nanoTime();
            until.values().removeIf(end -> end - now <= 0);
        }
        until.put(key, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
    }

    public void unlock(String key) {
        until.remove(key);
    }
}
