package dev.lanyard.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a known token still authenticates: asked at every use, from its expiry and the global lifetime. */
class CachedTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Optional<Duration> THIRTY_DAYS = Optional.of(Duration.ofDays(30));

    @Test
    void aTokenWithoutExpiryIsValidWithinTheGlobalLifetime() {
        assertThat(cached(NOW.minus(Duration.ofDays(29)), null, THIRTY_DAYS).isValidAt(NOW)).isTrue();
    }

    @Test
    void theGlobalLifetimeEndsEveryToken() {
        assertThat(cached(NOW.minus(Duration.ofDays(30)), null, THIRTY_DAYS).isValidAt(NOW)).isFalse();
        assertThat(cached(NOW.minus(Duration.ofDays(31)), NOW.plusSeconds(60), THIRTY_DAYS).isValidAt(NOW)).isFalse();
    }

    @Test
    void withoutAGlobalLifetimeOnlyTheTokensOwnExpiryCounts() {
        assertThat(cached(NOW.minus(Duration.ofDays(400)), null, Optional.empty()).isValidAt(NOW)).isTrue();
        assertThat(cached(NOW.minus(Duration.ofDays(1)), NOW, Optional.empty()).isValidAt(NOW)).isFalse();
    }

    @Test
    void theTokensOwnExpiryIsExclusive() {
        assertThat(cached(NOW, NOW.plusMillis(1), THIRTY_DAYS).isValidAt(NOW)).isTrue();
        assertThat(cached(NOW, NOW, THIRTY_DAYS).isValidAt(NOW)).isFalse();
        assertThat(cached(NOW.minusSeconds(10), NOW.minusSeconds(1), THIRTY_DAYS).isValidAt(NOW)).isFalse();
    }

    @Test
    void aCachedTokenIsValidUntilTheMomentItExpiresNotUntilItIsEvicted() {
        CachedToken token = cached(NOW, NOW.plusSeconds(60), Optional.empty());

        assertThat(token.isValidAt(NOW.plusSeconds(59))).isTrue();
        assertThat(token.isValidAt(NOW.plusSeconds(60))).isFalse();
    }

    private static CachedToken cached(Instant createdAt, Instant expiresAt, Optional<Duration> lifetime) {
        return CachedTokens.of(1, 2, createdAt, expiresAt, lifetime);
    }
}
