package dev.lanyard.prune.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PruneCutoffsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Optional<Duration> ONE_HOUR = Optional.of(Duration.ofMinutes(60));

    @Test
    void expiredTokensGetTheGraceOfHours() {
        var cutoffs = PruneCutoffs.at(NOW, 2, ONE_HOUR);

        assertThat(cutoffs.expiresBefore()).isEqualTo(NOW.minus(Duration.ofMinutes(120)));
    }

    @Test
    void withAGlobalLifetimeOldTokensGoAfterLifetimePlusHours() {
        var cutoffs = PruneCutoffs.at(NOW, 2, ONE_HOUR);

        // Sanctum: created_at < now - (expiration + hours * 60) minutes
        assertThat(cutoffs.createdBefore()).contains(NOW.minus(Duration.ofMinutes(180)));
    }

    @Test
    void theIssuesBoundaries() {
        var cutoffs = PruneCutoffs.at(NOW, 2, ONE_HOUR);
        Instant created = cutoffs.createdBefore().orElseThrow();

        assertThat(minutesAgo(181)).isBefore(created);
        assertThat(minutesAgo(179)).isAfter(created);
        assertThat(minutesAgo(121)).isAfter(created);
        assertThat(minutesAgo(121)).isBefore(cutoffs.expiresBefore());
        assertThat(minutesAgo(119)).isAfter(cutoffs.expiresBefore());
    }

    @Test
    void withoutAGlobalLifetimeOnlyExpiryCounts() {
        var cutoffs = PruneCutoffs.at(NOW, 24, Optional.empty());

        assertThat(cutoffs.expiresBefore()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(cutoffs.createdBefore()).isEmpty();
    }

    @Test
    void zeroHoursPrunesEverythingAlreadyExpired() {
        assertThat(PruneCutoffs.at(NOW, 0, ONE_HOUR).expiresBefore()).isEqualTo(NOW);
    }

    @Test
    void negativeHoursAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PruneCutoffs.at(NOW, -1, ONE_HOUR));
    }

    private static Instant minutesAgo(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }
}
