package dev.lanyard.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private final TokenCache cache = new TokenCache();

    @BeforeEach
    void holdTwo() {
        cache.capacity = 2;
        cache.sizeUp();
    }

    @Test
    void aTokenReadBeforeAnEvictionIsNotKept() {
        long readAt = cache.generation();
        cache.evict(Eviction.tokens(List.of(1L)));

        cache.put(CachedTokens.of(1, 10), readAt);

        assertThat(cache.find(1)).isEmpty();
    }

    @Test
    void evictionsByTokenAndByOwnerTakeOnlyTheirOwn() {
        cache.capacity = 10;
        for (long id = 1; id <= 3; id++) {
            cache.put(CachedTokens.of(id, id == 3 ? 20 : 10), cache.generation());
        }

        cache.evict(Eviction.tokens(List.of(1L)));
        assertThat(cache.find(1)).isEmpty();
        assertThat(cache.find(2)).isPresent();

        cache.evict(Eviction.owner(10));
        assertThat(cache.find(2)).isEmpty();
        assertThat(cache.find(3)).isPresent();
    }

    @Test
    void itHoldsNoMoreThanItsSize() {
        for (long id = 1; id <= 5; id++) {
            cache.put(CachedTokens.of(id, 10), cache.generation());
        }

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.find(5)).isPresent();
    }

    @Test
    void anUntrustedCacheNeitherServesNorTakes() {
        var trusted = new AtomicBoolean(true);
        cache.trustOnlyWhile(trusted::get);
        cache.put(CachedTokens.of(1, 10), cache.generation());

        trusted.set(false);
        cache.put(CachedTokens.of(2, 10), cache.generation());

        assertThat(cache.find(1)).isEmpty();
        trusted.set(true);
        assertThat(cache.find(2)).isEmpty();
    }
}
