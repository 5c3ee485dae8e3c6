package dev.lanyard.throttle.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanyard.problem.TooManyAttempts;
import dev.lanyard.throttle.control.LoginThrottle.Count;
import dev.lanyard.throttle.control.LoginThrottle.Limit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    /** Counts in memory, each key's window ending after the seconds given. */
    private static final class CountingThrottle implements LoginThrottle {
        final Map<String, Integer> attempts = new HashMap<>();
        final Map<String, Long> secondsLeft = Map.of("forgot-email|ann", 12L, "forgot-ip|10.0.0.1", 40L);

        @Override
        public int maxAttempts() {
            return 5;
        }

        @Override
        public List<Count> hit(List<Limit> limits) {
            List<Count> counts = new ArrayList<>();
            for (Limit limit : limits) {
                String key = limit.key();
                counts.add(new Count(key, attempts.merge(key, 1, Integer::sum), secondsLeft.getOrDefault(key, 60L)));
            }
            return counts;
        }

        @Override
        public void refund(List<String> keys) {
            keys.forEach(key -> attempts.computeIfPresent(key, (k, n) -> n - 1));
        }

        @Override
        public void clear(String key) {
            attempts.remove(key);
        }
    }

    private final CountingThrottle throttle = new CountingThrottle();

    @Test
    void attemptsWithinTheLimitPassAndEveryOneCounts() {
        for (int i = 0; i < 5; i++) {
            assertThatCode(() -> RateLimits.count(throttle, "forgot-email|bob", "forgot-ip|10.0.0.2"))
                    .doesNotThrowAnyException();
        }
        assertThat(throttle.attempts).containsEntry("forgot-email|bob", 5).containsEntry("forgot-ip|10.0.0.2", 5);
    }

    @Test
    void theAttemptPastAnyKeysLimitIsRefusedWithTheLongestWaitAmongTheKeysPastIt() {
        throttle.attempts.put("forgot-email|ann", 5);
        throttle.attempts.put("forgot-ip|10.0.0.1", 5);

        assertThatThrownBy(() -> RateLimits.count(throttle, "forgot-email|ann", "forgot-ip|10.0.0.1"))
                .isInstanceOfSatisfying(
                        TooManyAttempts.class,
                        tooMany -> assertThat(tooMany.retryAfterSeconds()).isEqualTo(40));
        assertThatThrownBy(() -> RateLimits.count(throttle, "forgot-email|ann", "forgot-ip|10.0.0.2"))
                .isInstanceOfSatisfying(
                        TooManyAttempts.class,
                        tooMany -> assertThat(tooMany.retryAfterSeconds()).isEqualTo(12));
    }

    @Test
    void eachKeyHasItsOwnLimit() {
        for (int i = 0; i < 5; i++) {
            RateLimits.count(throttle, new Limit("ann|10.0.0.1", 5), new Limit("login-ip|10.0.0.1", 30));
        }

        assertThatThrownBy(() ->
                        RateLimits.count(throttle, new Limit("ann|10.0.0.1", 5), new Limit("login-ip|10.0.0.1", 30)))
                .isInstanceOf(TooManyAttempts.class);
        assertThatCode(() ->
                        RateLimits.count(throttle, new Limit("bob|10.0.0.1", 5), new Limit("login-ip|10.0.0.1", 30)))
                .doesNotThrowAnyException();
    }

    @Test
    void aWindowThatIsAboutToEndStillAsksForASecond() {
        assertThat(RateLimits.exceeded(List.of(new Count("k", 6, 0)), new Limit("k", 5)))
                .hasValue(1);
    }
}
