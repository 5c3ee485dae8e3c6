package dev.lanyard.token.control;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.MessageListener;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evictions across the members of Payara's data grid, on one topic of short texts, acknowledged, and a lease
 * that makes a member that may have missed one stop trusting its cache (fail closed).
 *
 * <p>Every member sends, every {@code heartbeat}, an "alive" message carrying how many evictions it has sent. A
 * member trusts its cache only while it has heard from every other member within the {@code lease}, and empties
 * it when it first hears from a member, when a member leaves, when its lease lapsed, and when a member's count
 * shows an eviction it did not receive. A member that sends an eviction waits for every other member's
 * acknowledgement; when one does not come within the lease, it waits until the lease plus a heartbeat has passed
 * since it sent, by which time a member that did not hear it has stopped trusting its cache.
 *
 * <p>Messages: {@code E <sender> <request> <count> <eviction>}, {@code K <sender> <origin> <request>} (the
 * acknowledgement), {@code A <sender> <count>}.
 */
final class GridEvictions implements MessageListener<String>, MembershipListener {

    static final String TOPIC = "lanyard.token-evictions";
    private static final Logger LOG = Logger.getLogger(GridEvictions.class.getName());

    private final HazelcastInstance grid;
    private final TokenCache cache;
    private final long leaseNanos;
    private final Duration heartbeat;
    private final ITopic<String> topic;
    private final UUID self;
    private final Object sending = new Object();
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, Acknowledgements> awaited = new ConcurrentHashMap<>();
    private final Map<UUID, Peer> peers = new ConcurrentHashMap<>();
    private long sent;
    private volatile long trustedUntil;
    private UUID topicListener;
    private UUID membershipListener;

    GridEvictions(HazelcastInstance grid, TokenCache cache, Duration lease, Duration heartbeat) {
        this.grid = grid;
        this.cache = cache;
        this.leaseNanos = lease.toNanos();
        this.heartbeat = heartbeat;
        this.topic = grid.getTopic(TOPIC);
        this.self = grid.getCluster().getLocalMember().getUuid();
        this.trustedUntil = System.nanoTime();
    }

    void start() {
        topicListener = topic.addMessageListener(this);
        membershipListener = grid.getCluster().addMembershipListener(this);
        recompute();
    }

    void stop() {
        topic.removeMessageListener(topicListener);
        grid.getCluster().removeMembershipListener(membershipListener);
    }

    boolean trusted() {
        return trustedUntil - System.nanoTime() > 0;
    }

    void sendAlive() {
        synchronized (sending) {
            topic.publish("A " + self + " " + sent);
        }
        recompute();
    }

    /** Sends the eviction to every other member and returns once each has acknowledged or cannot trust. */
    void evictEverywhere(Eviction eviction) throws InterruptedException {
        Set<UUID> others = otherMembers();
        if (others.isEmpty()) {
            return;
        }
        String request = self + ":" + requests.incrementAndGet();
        var acknowledgements = new Acknowledgements(others);
        awaited.put(request, acknowledgements);
        long sentAt = System.nanoTime();
        try {
            synchronized (sending) {
                // Counted before it goes out: a member that never gets it sees the count jump in the next "alive".
                sent++;
                topic.publish("E " + self + " " + request + " " + sent + " " + eviction.encode());
            }
            if (!acknowledgements.await(leaseNanos)) {
                LOG.log(
                        Level.WARNING,
                        "No acknowledgement of an eviction from {0}: waiting out their lease",
                        acknowledgements.missing());
                long until = sentAt + leaseNanos + heartbeat.toNanos();
                for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            }
        } finally {
            awaited.remove(request);
        }
    }

    @Override
    public void onMessage(Message<String> message) {
        String[] parts = message.getMessageObject().split(" ", 5);
        try {
            UUID sender = UUID.fromString(parts[1]);
            if (sender.equals(self)) {
                return;
            }
            switch (parts[0]) {
                case "E" -> {
                    Optional<Eviction> eviction = Eviction.decode(parts[4]);
                    eviction.ifPresentOrElse(cache::evict, cache::clear);
                    heard(sender, Long.parseLong(parts[3]), true);
                    topic.publish("K " + self + " " + parts[2].substring(0, parts[2].indexOf(':')) + " " + parts[2]);
                }
                case "K" -> {
                    if (self.toString().equals(parts[2])) {
                        Optional.ofNullable(awaited.get(parts[3])).ifPresent(a -> a.acknowledge(sender));
                    }
                }
                case "A" -> heard(sender, Long.parseLong(parts[2]), false);
                default -> LOG.log(Level.WARNING, "Unknown eviction message: {0}", parts[0]);
            }
        } catch (RuntimeException e) {
            // A message this node cannot read may have been an eviction: it cannot trust what it holds.
            LOG.log(Level.WARNING, "Unreadable eviction message: {0}", e.toString());
            cache.clear();
        }
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        recompute();
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        peers.remove(event.getMember().getUuid());
        cache.clear();
        recompute();
    }

    private void heard(UUID sender, long count, boolean eviction) {
        Peer peer = peers.computeIfAbsent(sender, uuid -> new Peer());
        synchronized (peer) {
            boolean missed = peer.count < 0 || (eviction ? count > peer.count + 1 : count > peer.count);
            if (missed) {
                cache.clear();
            }
            peer.count = Math.max(peer.count, count);
            peer.heardAt = System.nanoTime();
        }
        recompute();
    }

    /** Trusted until the lease of the member heard from longest ago ends; not at all with one never heard from. */
    private synchronized void recompute() {
        long now = System.nanoTime();
        long until = now + Duration.ofDays(1).toNanos();
        for (UUID member : otherMembers()) {
            Peer peer = peers.get(member);
            long heardAt = peer == null || peer.count < 0 ? now - leaseNanos : peer.heardAt;
            until = Math.min(until, heardAt + leaseNanos);
        }
        if (trustedUntil - now <= 0) {
            // It did not trust its cache for a while, so it may have missed evictions meanwhile.
            cache.clear();
        }
        trustedUntil = until;
    }

    private Set<UUID> otherMembers() {
        Set<UUID> others = new HashSet<>();
        for (Member member : grid.getCluster().getMembers()) {
            if (!member.getUuid().equals(self)) {
                others.add(member.getUuid());
            }
        }
        return others;
    }

    /** What this member last heard from another: when, and its count of evictions sent (-1: nothing yet). */
    private static final class Peer {
        long count = -1;
        long heardAt;
    }

    private static final class Acknowledgements {
        private final Set<UUID> missing;
        private final CountDownLatch all;

        Acknowledgements(Set<UUID> members) {
            this.missing = ConcurrentHashMap.newKeySet();
            this.missing.addAll(members);
            this.all = new CountDownLatch(members.size());
        }

        void acknowledge(UUID member) {
            if (missing.remove(member)) {
                all.countDown();
            }
        }

        boolean await(long nanos) throws InterruptedException {
            return all.await(nanos, TimeUnit.NANOSECONDS);
        }

        Set<UUID> missing() {
            return Set.copyOf(missing);
        }
    }
}
