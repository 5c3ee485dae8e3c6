package dev.lanyard.account.control;

import dev.lanyard.problem.TooManyAttempts;
import java.util.Arrays;
import java.util.OptionalLong;

/** The account lifecycle's limits, kept in the {@link LoginThrottle} under keys of their own. */
public final class RateLimits {

    private RateLimits() {
    }

    /** 429 when any of the keys has used up its attempts, with the longest wait among them. */
    public static void requireOpen(LoginThrottle throttle, String... keys) {
        OptionalLong wait = Arrays.stream(keys).map(throttle::lockedFor).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).max();
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.getAsLong());
        }
    }
}
