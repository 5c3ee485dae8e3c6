package dev.lanyard.throttle.control;

import dev.lanyard.problem.TooManyAttempts;
import dev.lanyard.throttle.control.LoginThrottle.Limit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The account lifecycle's limits, kept in the {@link LoginThrottle} under keys of their own. */
public final class RateLimits {

    private RateLimits() {}

    /** Counts an attempt under each key, with the throttle's own limit; 429 when any key went past it. */
    public static void count(LoginThrottle throttle, String... keys) {
        count(
                throttle,
                Arrays.stream(keys)
                        .map(key -> new Limit(key, throttle.maxAttempts()))
                        .toArray(Limit[]::new));
    }

    /**
     * Counts an attempt under each key, then 429, with the longest wait among them, when any key's count went past
     * its limit: the attempt is not judged. Counted first, so attempts sent at once cannot all pass a check made
     * before any of them was counted.
     */
    public static void count(LoginThrottle throttle, Limit... limits) {
        var wait = exceeded(throttle.hit(List.of(limits)), limits);
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.getAsLong());
        }
    }

    /** The longest wait among the keys whose count is past their limit. */
    static OptionalLong exceeded(List<LoginThrottle.Count> counts, Limit... limits) {
        Map<String, Integer> max =
                Arrays.stream(limits).collect(Collectors.toMap(Limit::key, Limit::maxAttempts, Math::min));
        return counts.stream()
                .filter(count -> count.attempts() > max.get(count.key()))
                .mapToLong(count -> Math.max(1, count.secondsLeft()))
                .max();
    }
}
