package dev.lanyard.token.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.audit.control.RequestOrigin;
import dev.lanyard.throttle.control.LoginThrottle;
import dev.lanyard.token.entity.AccessToken;
import dev.lanyard.token.entity.PlainTextToken;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A report's strings reach the database only when they are well-formed tokens, checksum included. */
class ExposedTokensTest {

    private final List<PlainTextToken> lookedUp = new ArrayList<>();
    private final ExposedTokens exposed = new ExposedTokens();

    @BeforeEach
    void wire() {
        exposed.throttle = new UnlimitedThrottle();
        exposed.maxReportsPerAddress = 10;
        exposed.origin = new RequestOrigin();
        exposed.origin.from("192.0.2.1", "scanner");
        exposed.storedTokens = new StoredTokens() {
            @Override
            public Optional<AccessToken> find(PlainTextToken presented) {
                lookedUp.add(presented);
                return Optional.empty();
            }
        };
    }

    @Test
    void malformedStringsCostNoLookup() {
        String wellFormed = PlainTextToken.newSecret("lny_", new SecureRandom());
        String wrongChecksum = wellFormed.substring(0, wellFormed.length() - 8) + "00000000";

        exposed.report(List.of(
                "not a token",
                "",
                "7|" + wrongChecksum,
                wrongChecksum,
                "7|" + wellFormed + "|8",
                "x".repeat(100_000),
                "-1|" + wellFormed));

        assertThat(lookedUp).isEmpty();
    }

    @Test
    void eachDistinctWellFormedTokenIsLookedUpOnce() {
        String secret = PlainTextToken.newSecret("lny_", new SecureRandom());

        exposed.report(List.of("7|" + secret, "7|" + secret, secret));

        assertThat(lookedUp).containsExactly(new PlainTextToken(7L, secret), new PlainTextToken(null, secret));
    }

    private static final class UnlimitedThrottle implements LoginThrottle {
        @Override
        public int maxAttempts() {
            return Integer.MAX_VALUE;
        }

        @Override
        public List<Count> hit(List<Limit> limits) {
            return limits.stream().map(limit -> new Count(limit.key(), 1, 60)).toList();
        }

        @Override
        public void refund(List<String> keys) {}

        @Override
        public void clear(String key) {}
    }
}
