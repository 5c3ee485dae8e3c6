package dev.lanyard.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PendingUsesTest {

    private final PendingUses pending = new PendingUses();

    @Test
    void aTokenUsedManyTimesIsWrittenOnce() {
        pending.add(7);
        pending.add(7);
        pending.add(8);

        assertThat(pending.drain()).containsExactlyInAnyOrder(7L, 8L);
        assertThat(pending.drain()).isEmpty();
    }

    @Test
    void noUseIsLostToADrainRunningAtTheSameTime() {
        var adding = CompletableFuture.runAsync(() -> LongStream.range(0, 100_000).forEach(pending::add));
        List<Long> drained = new ArrayList<>();
        while (!adding.isDone()) {
            drained.addAll(pending.drain());
        }
        drained.addAll(pending.drain());

        assertThat(drained).hasSize(100_000).doesNotHaveDuplicates();
    }
}
