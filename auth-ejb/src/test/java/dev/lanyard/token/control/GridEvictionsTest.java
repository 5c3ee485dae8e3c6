package dev.lanyard.token.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two real members of a Hazelcast data grid in this JVM, each with its own cache, as two nodes would have. */
class GridEvictionsTest {

    private static final Duration LEASE = Duration.ofMillis(1_000);
    private static final Duration HEARTBEAT = LEASE.dividedBy(8);

    private static HazelcastInstance gridA;
    private static HazelcastInstance gridB;
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2);
    private final TokenCache cacheA = cache();
    private final TokenCache cacheB = cache();
    private GridEvictions nodeA;
    private GridEvictions nodeB;

    @BeforeAll
    static void startTwoMembers() {
        String cluster = "lanyard-test-" + UUID.randomUUID();
        gridA = Hazelcast.newHazelcastInstance(config(cluster));
        gridB = Hazelcast.newHazelcastInstance(config(cluster));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> gridA.getCluster().getMembers().size() == 2);
    }

    @AfterAll
    static void stopTwoMembers() {
        gridA.shutdown();
        gridB.shutdown();
    }

    @BeforeEach
    void joinBoth() {
        nodeA = join(gridA, cacheA);
        nodeB = join(gridB, cacheB);
        await().atMost(Duration.ofSeconds(10)).until(() -> nodeA.trusted() && nodeB.trusted());
    }

    @AfterEach
    void leaveBoth() {
        heartbeats.shutdownNow();
        nodeA.stop();
        nodeB.stop();
    }

    @Test
    void anEvictionHasReachedTheOtherMemberWhenItReturns() throws Exception {
        cacheB.put(CachedTokens.of(1, 10), cacheB.generation());
        cacheB.put(CachedTokens.of(2, 20), cacheB.generation());

        long started = System.nanoTime();
        nodeA.evictEverywhere(Eviction.tokens(List.of(1L)));

        assertThat(cacheB.find(1)).isEmpty();
        assertThat(cacheB.find(2)).as("another token stays").isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LEASE);
    }

    @Test
    void aMemberThatCannotHearStopsTrustingItsCacheBeforeAnEvictionReturns() throws Exception {
        cacheB.put(CachedTokens.of(1, 10), cacheB.generation());
        nodeB.stop();

        long started = System.nanoTime();
        nodeA.evictEverywhere(Eviction.tokens(List.of(1L)));

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("waited out B's lease")
                .isGreaterThanOrEqualTo(LEASE);
        assertThat(nodeB.trusted()).isFalse();
        assertThat(cacheB.find(1)).as("B serves nothing from memory").isEmpty();
    }

    private GridEvictions join(HazelcastInstance grid, TokenCache cache) {
        var node = new GridEvictions(grid, cache, LEASE, HEARTBEAT);
        node.start();
        cache.trustOnlyWhile(node::trusted);
        heartbeats.scheduleAtFixedRate(node::sendAlive, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return node;
    }

    private static Config config(String cluster) {
        var config = new Config().setClusterName(cluster);
        // Two members joining and leaving log some forty INFO lines each; a failing assertion says what matters.
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        var join = config.getNetworkConfig()
                .setPort(5950)
                .setPortAutoIncrement(true)
                .getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return config;
    }

    private static TokenCache cache() {
        var cache = new TokenCache();
        cache.capacity = 10;
        return cache;
    }
}
