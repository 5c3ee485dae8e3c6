package dev.lanyard.prune.boundary;

import dev.lanyard.prune.control.CronSchedule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs token pruning on the schedule in {@code lanyard.prune.schedule}.
 *
 * <p>A programmatic calendar timer rather than {@code @Schedule}, because the schedule is configuration.
 * Not persistent: a missed run needs no catching up, the next one prunes the same rows. Every node of a cluster
 * has this timer; the node that claims a firing in the database runs it, the others skip it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class PruningTimer {

    static final String DEFAULT_SCHEDULE = "0 0 3 * * *";
    private static final Logger LOG = Logger.getLogger(PruningTimer.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "lanyard.prune.schedule", defaultValue = DEFAULT_SCHEDULE)
    String schedule;

    @EJB
    Pruning pruning;

    @PostConstruct
    void start() {
        timerService.createCalendarTimer(
                configuredSchedule().toScheduleExpression(), new TimerConfig("lanyard-token-pruning", false));
    }

    // Outside a transaction, and never throwing: a timeout that fails twice is expunged by the container,
    // and a database outage must not cancel pruning for the rest of the server's life.
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        try {
            pruning.pruneOnSchedule(slotOf(timer));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled token pruning failed, next run as scheduled: {0}", e.toString());
        }
    }

    /**
     * Names this firing the same on every node: the timer's next scheduled time follows from the schedule
     * alone, whenever this node's timer fired.
     */
    private static Instant slotOf(Timer timer) {
        return timer.getNextTimeout().toInstant();
    }

    private CronSchedule configuredSchedule() {
        try {
            return CronSchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            LOG.log(
                    Level.SEVERE,
                    "lanyard.prune.schedule is invalid, pruning daily at 03:00 instead: {0}",
                    e.getMessage());
            return CronSchedule.parse(DEFAULT_SCHEDULE);
        }
    }
}
