package dev.lanyard.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvictionTest {

    @Test
    void aTextCarriesTokensOwnersOrEverything() {
        var some = Eviction.tokens(List.of(3L, 41L)).and(Eviction.owner(7));

        assertThat(Eviction.decode(some.encode())).contains(some);
        assertThat(Eviction.decode(Eviction.all().encode())).contains(Eviction.all());
        assertThat(Eviction.decode(Eviction.none().encode())).contains(Eviction.none());
    }

    @Test
    void joiningKeepsEverythingOfBoth() {
        var joined = Eviction.tokens(List.of(1L)).and(Eviction.owner(2)).and(Eviction.all());

        assertThat(joined).isEqualTo(new Eviction(Set.of(1L), Set.of(2L), true));
    }

    @Test
    void aTextOfAnythingElseIsNoEviction() {
        assertThat(Eviction.decode("t1,x;o")).isEmpty();
        assertThat(Eviction.decode("o1;t2")).isEmpty();
        assertThat(Eviction.decode("")).isEmpty();
        assertThat(Eviction.decode("t1")).isEmpty();
    }
}
