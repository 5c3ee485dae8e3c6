package dev.lanyard.metrics.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The durations recorded in the last minute, for their quantiles and maximum in seconds (what a Prometheus summary
 * shows). Each duration is counted in a log-linear bucket, eight per power of two of nanoseconds, so a quantile is
 * off by at most 1/16 of its value and the memory is fixed whatever the load. The minute is six slices of ten
 * seconds: the oldest is dropped as time moves on, so a quantile covers between 50 and 60 s.
 */
final class RecentDurations {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SLICES = 6;
    private static final long SLICE_NANOS = WINDOW.toNanos() / SLICES;
    /** Values 0 to 7 exactly, then eight buckets for each power of two up to 2^62 ns. */
    private static final int BUCKETS = 61 * 8;

    private final LongSupplier nanoTime;
    private final long[][] counts = new long[SLICES][BUCKETS];
    private final long[] maxima = new long[SLICES];
    /** Which ten-second period each slice holds now; Long.MIN_VALUE for none yet. */
    private final long[] periods = new long[SLICES];

    RecentDurations(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        Arrays.fill(periods, Long.MIN_VALUE);
    }

    synchronized void record(Duration duration) {
        long nanos = Math.max(0, duration.toNanos());
        long period = Math.floorDiv(nanoTime.getAsLong(), SLICE_NANOS);
        int slice = (int) Math.floorMod(period, SLICES);
        if (periods[slice] != period) {
            Arrays.fill(counts[slice], 0);
            maxima[slice] = 0;
            periods[slice] = period;
        }
        counts[slice][bucket(nanos)]++;
        maxima[slice] = Math.max(maxima[slice], nanos);
    }

    /** The q-quantile of the last minute's durations in seconds, NaN when there were none (as Prometheus does). */
    synchronized double quantileSeconds(double q) {
        long[] merged = new long[BUCKETS];
        long total = 0;
        for (int slice : recentSlices()) {
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                merged[bucket] += counts[slice][bucket];
                total += counts[slice][bucket];
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        int bucket = 0;
        while (seen + merged[bucket] < rank) {
            seen += merged[bucket++];
        }
        // The middle of the bucket, but never beyond what was measured.
        return Math.min(middle(bucket), maxNanos()) / 1e9;
    }

    /** The longest of the last minute's durations in seconds, NaN when there were none. */
    synchronized double maxSeconds() {
        return recentSlices().length == 0 ? Double.NaN : maxNanos() / 1e9;
    }

    private long maxNanos() {
        long max = 0;
        for (int slice : recentSlices()) {
            max = Math.max(max, maxima[slice]);
        }
        return max;
    }

    private int[] recentSlices() {
        long now = Math.floorDiv(nanoTime.getAsLong(), SLICE_NANOS);
        int[] recent = new int[SLICES];
        int found = 0;
        for (int slice = 0; slice < SLICES; slice++) {
            if (periods[slice] != Long.MIN_VALUE && periods[slice] > now - SLICES && periods[slice] <= now) {
                recent[found++] = slice;
            }
        }
        return Arrays.copyOf(recent, found);
    }

    static int bucket(long nanos) {
        if (nanos < 8) {
            return (int) nanos;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        return (exponent - 2) * 8 + (int) ((nanos >>> (exponent - 3)) & 7);
    }

    /** The middle of a bucket's range, in nanoseconds. */
    static double middle(int bucket) {
        if (bucket < 8) {
            return bucket;
        }
        int shift = bucket / 8 - 1;
        long lower = (8L + bucket % 8) << shift;
        return lower + ((1L << shift) - 1) / 2.0;
    }
}
