package dev.lanyard.token.boundary;

import dev.lanyard.token.control.PendingUses;
import dev.lanyard.token.control.TokenUse;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the {@code last_used_at} of the tokens this node saw used, and where from, once a second: so the time
 * is at most about a second late, and lost for that second if the server stops, which the contract's coarse
 * resolution allows.
 */
@Singleton
public class LastUsedWriter {

    private static final Logger LOG = Logger.getLogger(LastUsedWriter.class.getName());

    @Inject
    PendingUses pending;

    @EJB
    StoredTokens storedTokens;

    // Outside a transaction and never throwing, as the pruning timer: a failed write must not cancel the timer.
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void write() {
        Map<Long, TokenUse> used = pending.drain();
        if (used.isEmpty()) {
            return;
        }
        try {
            storedTokens.recordUses(used);
        } catch (RuntimeException e) {
            // The rows still show the old time, so the tokens' next use queues them again.
            LOG.log(Level.WARNING, "Could not record the last use of {0} tokens: {1}", new Object[] {
                used.size(), e.toString()
            });
        }
    }
}
