package dev.lanyard.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PendingUsesTest {

    private static final TokenUse HOME = new TokenUse("192.0.2.1", "curl/8.5.0");
    private static final TokenUse OFFICE = new TokenUse("198.51.100.7", "Mozilla/5.0");

    private final PendingUses pending = new PendingUses();

    @Test
    void aTokenUsedManyTimesIsWrittenOnceWithItsLatestUse() {
        pending.add(7, HOME);
        pending.add(7, OFFICE);
        pending.add(8, HOME);

        assertThat(pending.drain())
                .containsOnlyKeys(7L, 8L)
                .containsEntry(7L, OFFICE)
                .containsEntry(8L, HOME);
        assertThat(pending.drain()).isEmpty();
    }

    @Test
    void noUseIsLostToADrainRunningAtTheSameTime() throws Exception {
        var drainedOnce = new CountDownLatch(1);
        // Half the adds, then a wait until a drain took some of them, then the other half while drains go on:
        // so draining and adding certainly overlap.
        var adding = CompletableFuture.runAsync(() -> {
            LongStream.range(0, 100_000).forEach(id -> pending.add(id, HOME));
            await(drainedOnce);
            LongStream.range(100_000, 200_000).forEach(id -> pending.add(id, HOME));
        });
        List<Long> drained = new ArrayList<>();
        while (!adding.isDone()) {
            var some = pending.drain().keySet();
            drained.addAll(some);
            if (!some.isEmpty()) {
                drainedOnce.countDown();
            }
        }
        adding.get();
        drained.addAll(pending.drain().keySet());

        assertThat(drained).hasSize(200_000).doesNotHaveDuplicates();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
