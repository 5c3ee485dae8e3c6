package dev.lanyard.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalLoginThrottleTest {

    private final LocalLoginThrottle throttle = new LocalLoginThrottle();

    @BeforeEach
    void configure() {
        throttle.maxAttempts = 5;
        throttle.decaySeconds = 60;
    }

    @Test
    void locksAfterTheConfiguredNumberOfFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ann|127.0.0.1");
        }
        assertThat(throttle.lockedFor("ann|127.0.0.1")).isEmpty();

        throttle.recordFailure("ann|127.0.0.1");

        assertThat(throttle.lockedFor("ann|127.0.0.1")).isPresent();
        assertThat(throttle.lockedFor("ann|127.0.0.1").getAsLong()).isBetween(1L, 61L);
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("ann|127.0.0.1");
        }

        assertThat(throttle.lockedFor("ann|10.0.0.1")).isEmpty();
        assertThat(throttle.lockedFor("bob|127.0.0.1")).isEmpty();
    }

    @Test
    void clearingForgetsTheFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("ann|127.0.0.1");
        }

        throttle.clear("ann|127.0.0.1");

        assertThat(throttle.lockedFor("ann|127.0.0.1")).isEmpty();
    }

    @Test
    void failuresDecayWithTheirWindow() {
        throttle.decaySeconds = 0;
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("ann|127.0.0.1");
        }

        assertThat(throttle.lockedFor("ann|127.0.0.1")).isEmpty();
    }
}
