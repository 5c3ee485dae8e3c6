package dev.lanyard.account.control;

import java.util.OptionalLong;

/**
 * Counts failed logins per key (email and client address) within a decay window. An interface, so that a
 * cluster can keep the counts where every node sees them.
 */
public interface LoginThrottle {

    /** Seconds until {@code key} may try again, when it has used up its attempts. */
    OptionalLong lockedFor(String key);

    void recordFailure(String key);

    void clear(String key);
}
