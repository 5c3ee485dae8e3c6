package dev.lanyard.token.control;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evicts tokens from the {@link TokenCache} of every node once the change that called for it has committed, and
 * returns only when every node has done so, or can no longer trust its cache: so the first request after a revoke
 * returns is refused on any node. Called in the transaction of the change; without one, it evicts at once.
 *
 * <p>The nodes are the members of Payara's data grid ({@code payara/Hazelcast}); a server outside any grid (Payara
 * Micro with {@code --nocluster}) evicts from its own cache only. {@code lanyard.cluster.lease-millis} (2000) is
 * how long a member keeps trusting its cache without hearing from another member, and so how long a revocation
 * waits, at most, for a member that does not answer.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Evictions {

    private static final Logger LOG = Logger.getLogger(Evictions.class.getName());
    private static final String GRID = "payara/Hazelcast";
    private static final Object PENDING = Evictions.class.getName();

    @Inject
    TokenCache cache;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "lanyard.cluster.lease-millis", defaultValue = "2000")
    long leaseMillis;

    private Optional<GridEvictions> grid = Optional.empty();
    private ScheduledFuture<?> heartbeats;

    @PostConstruct
    void joinGrid() {
        Duration lease = Duration.ofMillis(Math.max(100, leaseMillis));
        Duration heartbeat = lease.dividedBy(8);
        grid = lookUpGrid().map(instance -> new GridEvictions(instance, cache, lease, heartbeat));
        grid.ifPresentOrElse(
                link -> {
                    link.start();
                    cache.trustOnlyWhile(link::trusted);
                    heartbeats = scheduler.scheduleAtFixedRate(
                            () -> beat(link), 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                    LOG.log(
                            Level.INFO,
                            "Token evictions go to every member of the data grid; lease {0} ms",
                            lease.toMillis());
                },
                () -> LOG.info("No data grid: token evictions stay on this server"));
    }

    @PreDestroy
    void leaveGrid() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        grid.ifPresent(GridEvictions::stop);
    }

    public void token(long tokenId) {
        evict(Eviction.tokens(List.of(tokenId)));
    }

    /** Every token of the owner, and what is cached of the owner with them (roles, verified email). */
    public void owner(long ownerId) {
        evict(Eviction.owner(ownerId));
    }

    public void everything() {
        evict(Eviction.all());
    }

    private void evict(Eviction eviction) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            evictNow(eviction);
            return;
        }
        var pending = (AfterCommit) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new AfterCommit();
            transactions.putResource(PENDING, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.add(eviction);
    }

    private void evictNow(Eviction eviction) {
        cache.evict(eviction);
        grid.ifPresent(link -> {
            try {
                link.evictEverywhere(eviction);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Counted as sent, so the other members see a gap at the next heartbeat and empty their caches.
                LOG.log(Level.WARNING, "Could not send an eviction to the data grid: {0}", e.toString());
            }
        });
    }

    private static void beat(GridEvictions link) {
        try {
            link.sendAlive();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send a heartbeat to the data grid: {0}", e.toString());
        }
    }

    private static Optional<HazelcastInstance> lookUpGrid() {
        try {
            HazelcastInstance instance = InitialContext.doLookup(GRID);
            return instance != null && instance.getLifecycleService().isRunning()
                    ? Optional.of(instance)
                    : Optional.empty();
        } catch (NamingException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The evictions of one transaction, sent together once it has committed; none when it rolled back. */
    private final class AfterCommit implements Synchronization {

        private Eviction eviction = Eviction.none();

        void add(Eviction more) {
            eviction = eviction.and(more);
        }

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                evictNow(eviction);
            }
        }
    }
}
