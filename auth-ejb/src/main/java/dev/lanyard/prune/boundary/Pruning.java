package dev.lanyard.prune.boundary;

import dev.lanyard.audit.boundary.AuditTrail;
import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.metrics.control.AuthMetrics;
import dev.lanyard.prune.control.PruneBatches;
import dev.lanyard.prune.control.PruneCutoffs;
import dev.lanyard.prune.control.PruneLock;
import dev.lanyard.token.boundary.TokenHygiene;
import dev.lanyard.token.control.Evictions;
import dev.lanyard.token.control.TokenSettings;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes tokens that can never authenticate again, then reminds owners of tokens about to expire and revokes
 * those unused too long ({@link TokenHygiene}): the work of the pruning timer and of the admin endpoint alike.
 * Runs outside a transaction and deletes in batches, each committed on its own; one run at a time
 * across the cluster ({@link PruneLock}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Pruning {

    /** 256 pages of 8 KiB hold some 10,000 tokens: one short transaction each. */
    static final int PAGES_PER_BATCH = 256;

    private static final Logger LOG = Logger.getLogger(Pruning.class.getName());

    @Inject
    Evictions evictions;

    @EJB
    PruneBatches batches;

    @EJB
    PruneLock lock;

    @EJB
    AuditTrail auditTrail;

    @Inject
    TokenSettings tokenSettings;

    @EJB
    TokenHygiene hygiene;

    @Inject
    AuthMetrics metrics;

    @Inject
    @ConfigProperty(name = "lanyard.prune.hours", defaultValue = "24")
    int defaultHours;

    private final Clock clock = Clock.systemUTC();

    /**
     * The scheduled run at {@code slot}, on the one node that claims it; skipped on the others, and while a run
     * is still in progress (the next slot prunes what this one would have).
     */
    public void pruneOnSchedule(Instant slot) {
        if (!lock.claimSlot(slot)) {
            return;
        }
        String trigger = "schedule slot=" + slot;
        if (lock.ifFree(() -> run(defaultHours, trigger)).isEmpty()) {
            LOG.log(Level.INFO, "Scheduled pruning at {0} skipped: another run is in progress", slot);
        }
    }

    /**
     * Prunes with a grace of {@code hours} after expiry ({@code lanyard.prune.hours} when absent), after any run
     * in progress has finished; answers how many tokens this run deleted.
     */
    public int prune(OptionalInt requestedHours, String trigger) {
        int hours = requestedHours.orElse(defaultHours);
        return lock.whenFree(() -> run(hours, trigger));
    }

    private int run(int hours, String trigger) {
        Instant started = clock.instant();
        if (tokenSettings.lifetime().isEmpty()) {
            LOG.warning("lanyard.token.expiration-minutes is not set: pruning only tokens past their own"
                    + " expires_at, not those past a global lifetime");
        }
        PruneCutoffs cutoffs = PruneCutoffs.at(started, hours, tokenSettings.lifetime());
        int pruned = 0;
        long pages = batches.pages();
        for (long from = 0; from < pages; from += PAGES_PER_BATCH) {
            pruned += batches.deleteInPages(from, from + PAGES_PER_BATCH, cutoffs);
        }
        if (pruned > 0) {
            // Expired tokens never authenticate from a cache, but no node need keep them in memory either.
            evictions.everything();
        }
        int reminded = remindExpiring(started);
        int unused = revokeUnused(started);
        long millis = Duration.between(started, clock.instant()).toMillis();
        metrics.tokensPruned(pruned);
        LOG.log(
                Level.INFO,
                "Pruned {0} expired tokens in {1} ms (trigger={2}, hours={3}); {4} expiry reminders,"
                        + " {5} unused tokens revoked",
                new Object[] {pruned, millis, trigger, hours, reminded, unused});
        auditTrail.recordRegardless(
                AuditEvent.TOKENS_PRUNED,
                null,
                "trigger=" + trigger + " hours=" + hours + " pruned=" + pruned + " millis=" + millis + " reminded="
                        + reminded + " unused-revoked=" + unused);
        return pruned;
    }

    private int remindExpiring(Instant now) {
        return tokenSettings.expiryReminderDays().stream()
                .mapToInt(days -> hygiene.remindExpiring(now, days))
                .sum();
    }

    /** Batch after batch, until one revokes nothing more (a token used meanwhile is left alone). */
    private int revokeUnused(Instant now) {
        Optional<Instant> usedBefore = hygiene.unusedSince(now);
        int revoked = 0;
        List<Long> batch = usedBefore.map(before -> hygiene.unused(now, before)).orElse(List.of());
        while (!batch.isEmpty()) {
            long inBatch = batch.stream()
                    .filter(id -> hygiene.revokeUnused(id, usedBefore.get()))
                    .count();
            revoked += (int) inBatch;
            batch = inBatch == 0 ? List.of() : hygiene.unused(now, usedBefore.get());
        }
        return revoked;
    }
}
