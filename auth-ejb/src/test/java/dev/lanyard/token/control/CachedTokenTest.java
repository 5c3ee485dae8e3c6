package dev.lanyard.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.account.entity.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a known token still authenticates: asked at every use, from its expiry, the lifetime, idleness, owner. */
class CachedTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Optional<Duration> THIRTY_DAYS = Optional.of(Duration.ofDays(30));

    @Test
    void aTokenWithoutExpiryIsValidWithinTheGlobalLifetime() {
        assertThat(cached(NOW.minus(Duration.ofDays(29)), null, THIRTY_DAYS).isValidAt(NOW))
                .isTrue();
    }

    @Test
    void theGlobalLifetimeEndsEveryToken() {
        assertThat(cached(NOW.minus(Duration.ofDays(30)), null, THIRTY_DAYS).isValidAt(NOW))
                .isFalse();
        assertThat(cached(NOW.minus(Duration.ofDays(31)), NOW.plusSeconds(60), THIRTY_DAYS)
                        .isValidAt(NOW))
                .isFalse();
    }

    @Test
    void withoutAGlobalLifetimeOnlyTheTokensOwnExpiryCounts() {
        assertThat(cached(NOW.minus(Duration.ofDays(400)), null, Optional.empty())
                        .isValidAt(NOW))
                .isTrue();
        assertThat(cached(NOW.minus(Duration.ofDays(1)), NOW, Optional.empty()).isValidAt(NOW))
                .isFalse();
    }

    @Test
    void theTokensOwnExpiryIsExclusive() {
        assertThat(cached(NOW, NOW.plusMillis(1), THIRTY_DAYS).isValidAt(NOW)).isTrue();
        assertThat(cached(NOW, NOW, THIRTY_DAYS).isValidAt(NOW)).isFalse();
        assertThat(cached(NOW.minusSeconds(10), NOW.minusSeconds(1), THIRTY_DAYS)
                        .isValidAt(NOW))
                .isFalse();
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

    @Test
    void aTokenIsIdleWhenNeitherItsCreationNorALaterUseIsWithinTheTimeout() {
        Optional<Duration> thirtyMinutes = Optional.of(Duration.ofMinutes(30));
        CachedToken signedInLongAgo = cached(NOW.minus(Duration.ofMinutes(31)), null, THIRTY_DAYS);

        assertThat(signedInLongAgo.isIdleAt(NOW, thirtyMinutes)).isTrue();
        assertThat(signedInLongAgo.isIdleAt(NOW, Optional.empty()))
                .as("no timeout")
                .isFalse();
        assertThat(cached(NOW.minus(Duration.ofMinutes(29)), null, THIRTY_DAYS).isIdleAt(NOW, thirtyMinutes))
                .isFalse();
        signedInLongAgo.takeUseDue(NOW.minus(Duration.ofMinutes(5)), Duration.ofMinutes(1));
        assertThat(signedInLongAgo.isIdleAt(NOW, thirtyMinutes))
                .as("used five minutes ago")
                .isFalse();
        assertThat(signedInLongAgo.isIdleAt(NOW.plus(Duration.ofMinutes(25)), thirtyMinutes))
                .isTrue();
    }

    @Test
    void aDisabledOwnersTokenIsNoLongerUsable() {
        CachedToken token = cached(NOW, null, THIRTY_DAYS);
        assertThat(token.ownerDisabled()).isFalse();

        ((User) token.owner()).disable(NOW);

        assertThat(token.ownerDisabled()).isTrue();
    }
}
