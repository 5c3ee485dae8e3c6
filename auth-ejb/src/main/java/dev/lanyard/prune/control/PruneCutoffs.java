package dev.lanyard.prune.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tokens a pruning run deletes, as Sanctum's {@code sanctum:prune-expired --hours=N} does: those whose
 * {@code expires_at} is older than {@code now − hours}, and, when tokens have a global lifetime, those created
 * before {@code now − (lifetime + hours)}. The grace of {@code hours} keeps just-expired tokens around a while.
 */
public record PruneCutoffs(Instant expiresBefore, Optional<Instant> createdBefore) {

    public PruneCutoffs {
        Objects.requireNonNull(expiresBefore, "expiresBefore");
        Objects.requireNonNull(createdBefore, "createdBefore");
    }

    public static PruneCutoffs at(Instant now, int hours, Optional<Duration> tokenLifetime) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative: " + hours);
        }
        Duration grace = Duration.ofHours(hours);
        return new PruneCutoffs(
                now.minus(grace),
                tokenLifetime.map(lifetime -> now.minus(lifetime).minus(grace)));
    }
}
