package dev.lanyard.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class RecentDurationsTest {

    private final AtomicLong now = new AtomicLong(-5_000_000_000L);
    private final RecentDurations durations = new RecentDurations(now::get);

    @Test
    void quantilesAndMaxAreInSecondsWithinOneSixteenth() {
        for (int millis = 1; millis <= 1000; millis++) {
            durations.record(Duration.ofMillis(millis));
        }

        assertThat(durations.quantileSeconds(0.5)).isCloseTo(0.5, Percentage.withPercentage(6.25));
        assertThat(durations.quantileSeconds(0.99)).isCloseTo(0.99, Percentage.withPercentage(6.25));
        assertThat(durations.quantileSeconds(0.999)).isCloseTo(0.999, Percentage.withPercentage(6.25));
        assertThat(durations.maxSeconds()).isEqualTo(1.0);
    }

    @Test
    void aQuantileIsNeverBeyondTheLongestDuration() {
        durations.record(Duration.ofNanos(1_500_000));

        assertThat(durations.quantileSeconds(0.5))
                .isEqualTo(durations.quantileSeconds(0.999))
                .isCloseTo(0.0015, within(0.0015 / 16))
                .isLessThanOrEqualTo(0.0015);
        assertThat(durations.maxSeconds()).isEqualTo(0.0015);
    }

    @Test
    void forgetsWhatIsOlderThanAMinute() {
        durations.record(Duration.ofSeconds(2));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        durations.record(Duration.ofMillis(3));

        assertThat(durations.maxSeconds()).isEqualTo(2.0);
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(durations.maxSeconds()).isEqualTo(0.003);
        assertThat(durations.quantileSeconds(0.99)).isCloseTo(0.003, within(0.003 / 16));
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(durations.maxSeconds()).isNaN();
        assertThat(durations.quantileSeconds(0.5)).isNaN();
    }

    @Test
    void recordsFromManyThreadsAtOnceAreAllCounted() throws Exception {
        // Every request thread records its check. Half the threads record 1 ms, half 4 ms, 10,000 times each: the
        // median is the last 1 ms only when not one record was lost on either side.
        int threads = 8;
        int each = 10_000;
        var barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Duration took = Duration.ofMillis(t % 2 == 0 ? 1 : 4);
                done.add(pool.submit(() -> {
                    barrier.await();
                    for (int i = 0; i < each; i++) {
                        durations.record(took);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        double half = threads * each / 2.0;
        assertThat(durations.quantileSeconds(0.5)).isCloseTo(0.001, within(0.001 / 16));
        assertThat(durations.quantileSeconds((half + 1) / (threads * each))).isCloseTo(0.004, within(0.004 / 16));
    }

    @Test
    void bucketsFollowEachOtherWithoutGapsAndHoldTheirValues() {
        int previous = -1;
        for (long nanos = 0; nanos < 100_000; nanos++) {
            int bucket = RecentDurations.bucket(nanos);
            assertThat(bucket).isBetween(previous, previous + 1);
            assertThat(Math.abs(RecentDurations.middle(bucket) - nanos))
                    .isLessThanOrEqualTo(Math.max(0.5, nanos / 16.0));
            previous = bucket;
        }
        assertThat(RecentDurations.bucket(Long.MAX_VALUE)).isEqualTo(487);
    }
}
