package dev.lanyard.throttle.control;

import java.util.List;

/**
 * Counts attempts per key (e.g. email and client address) within a decay window. An attempt is counted before it
 * is judged, so that of many sent at once no more than the limit are judged. An interface, so that a cluster can
 * keep the counts where every node sees them.
 */
public interface LoginThrottle {

    /** A key and the attempts it may make per decay window. */
    record Limit(String key, int maxAttempts) {}

    /** What a key's window holds once an attempt was counted: its attempts so far, and seconds until it ends. */
    record Count(String key, int attempts, long secondsLeft) {}

    /** Attempts per key and window unless a caller sets its own: {@code lanyard.login.max-attempts}. */
    int maxAttempts();

    /**
     * Counts one attempt under each key, each count atomic, and answers what each window holds now. A throttle
     * that already knows a key to be past its limit may answer that alone, without counting.
     */
    List<Count> hit(List<Limit> limits);

    /** Takes back one attempt under each key: one that was counted but never judged, or that may not count. */
    void refund(List<String> keys);

    void clear(String key);
}
