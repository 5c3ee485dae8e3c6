package dev.lanyard.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanyard.problem.TooManyAttempts;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final LoginThrottle throttle = new LoginThrottle() {
        private final Map<String, Long> locked = Map.of("forgot-email|ann", 12L, "forgot-ip|10.0.0.1", 40L);

        @Override
        public OptionalLong lockedFor(String key) {
            return locked.containsKey(key) ? OptionalLong.of(locked.get(key)) : OptionalLong.empty();
        }

        @Override
        public void recordFailure(String key) {
        }

        @Override
        public void clear(String key) {
        }
    };

    @Test
    void openKeysPass() {
        assertThatCode(() -> RateLimits.requireOpen(throttle, "forgot-email|bob", "forgot-ip|10.0.0.2"))
                .doesNotThrowAnyException();
    }

    @Test
    void anyLockedKeyRefusesWithTheLongestWait() {
        assertThatThrownBy(() -> RateLimits.requireOpen(throttle, "forgot-email|ann", "forgot-ip|10.0.0.1"))
                .isInstanceOfSatisfying(TooManyAttempts.class,
                        tooMany -> assertThat(tooMany.retryAfterSeconds()).isEqualTo(40));
        assertThatThrownBy(() -> RateLimits.requireOpen(throttle, "forgot-email|ann", "forgot-ip|10.0.0.2"))
                .isInstanceOfSatisfying(TooManyAttempts.class,
                        tooMany -> assertThat(tooMany.retryAfterSeconds()).isEqualTo(12));
    }
}
