package dev.lanyard.token.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.account.entity.User;
import dev.lanyard.crypto.Hashes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Optional<Duration> THIRTY_DAYS = Optional.of(Duration.ofDays(30));

    @Test
    void theEffectiveExpiryIsWhicheverEndComesFirst() {
        Instant created = NOW.minus(Duration.ofDays(1));
        Instant lifetimeEnds = created.plus(Duration.ofDays(30));
        assertThat(token(created, null).effectiveExpiry(THIRTY_DAYS)).contains(lifetimeEnds);
        assertThat(token(created, NOW).effectiveExpiry(THIRTY_DAYS)).contains(NOW);
        assertThat(token(created, lifetimeEnds.plusSeconds(1)).effectiveExpiry(THIRTY_DAYS))
                .contains(lifetimeEnds);
        assertThat(token(created, NOW).effectiveExpiry(Optional.empty())).contains(NOW);
        assertThat(token(created, null).effectiveExpiry(Optional.empty())).isEmpty();
    }

    @Test
    void matchesComparesTheStoredHash() {
        String secret = PlainTextToken.newSecret("lny_", new SecureRandom());
        var token = new AccessToken(owner(), "t", Hashes.sha256Hex(secret), Abilities.all(), NOW, null);

        assertThat(token.matches(Hashes.sha256Hex(secret))).isTrue();
        assertThat(token.matches(Hashes.sha256Hex(secret + "x"))).isFalse();
    }

    private static AccessToken token(Instant createdAt, Instant expiresAt) {
        return new AccessToken(owner(), "t", "0".repeat(64), Abilities.all(), createdAt, expiresAt);
    }

    private static User owner() {
        return new User("Ann", "ann@example.com", "$2b$12$hash", NOW);
    }
}
