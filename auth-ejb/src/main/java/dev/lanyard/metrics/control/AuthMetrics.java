package dev.lanyard.metrics.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The counters and the authentication summary an operator watches, in MicroProfile Metrics' application registry
 * (served at {@code /metrics}, e.g. {@code lanyard_logins_total}). Each node counts its own; a scraper sums the
 * nodes.
 *
 * <p>The summary is built from gauges rather than MicroProfile's Timer: Payara Micro 6 writes a Timer's quantiles,
 * mean and max in nanoseconds beside a sum in seconds (payara/Payara#8155), wrong by 10^9 for any dashboard. Its
 * samples keep the names of a Prometheus summary: {@code lanyard_authentication_seconds{quantile="0.99"}}, and
 * {@code _max}, {@code _count}, {@code _sum}, all in seconds. The names carry the unit, so no metadata unit is set:
 * Payara would append it again and scale the value.
 */
@ApplicationScoped
public class AuthMetrics {

    /** Those Payara's Timer showed, so that dashboards built on them keep working. */
    private static final List<Double> QUANTILES = List.of(0.5, 0.75, 0.95, 0.98, 0.99, 0.999);

    @Inject
    MetricRegistry registry;

    private Counter logins;
    private Counter failedLogins;
    private Counter tokensIssued;
    private Counter tokensRevoked;
    private Counter tokensPruned;
    private final RecentDurations recentAuthentications = new RecentDurations(System::nanoTime);
    private final LongAdder authentications = new LongAdder();
    private final DoubleAdder authenticationSeconds = new DoubleAdder();

    @PostConstruct
    void register() {
        logins = registry.counter(metadata("lanyard.logins", "Successful logins with email and password"));
        failedLogins = registry.counter(metadata(
                "lanyard.logins.failed", "Logins refused for wrong credentials (not those refused as throttled)"));
        tokensIssued =
                registry.counter(metadata("lanyard.tokens.issued", "Access tokens issued, to users and clients"));
        tokensRevoked = registry.counter(metadata(
                "lanyard.tokens.revoked",
                "Access tokens revoked: logout, logout-all, refresh, deletion by owner or admin, OAuth revocation,"
                        + " password change and reset"));
        tokensPruned = registry.counter(metadata("lanyard.tokens.pruned", "Expired access tokens deleted by pruning"));
        for (double quantile : QUANTILES) {
            registry.gauge(
                    metadata(
                            "lanyard.authentication.seconds",
                            "Seconds to check one presented token (bearer"
                                    + " or session cookie), whatever the outcome: quantiles of the last minute"),
                    () -> recentAuthentications.quantileSeconds(quantile),
                    new Tag("quantile", Double.toString(quantile)));
        }
        registry.gauge(
                metadata(
                        "lanyard.authentication.seconds.max",
                        "Seconds of the longest check of a presented token in the last minute"),
                recentAuthentications::maxSeconds);
        registry.gauge(
                metadata("lanyard.authentication.seconds.count", "Presented tokens checked since the node started"),
                authentications::sum);
        registry.gauge(
                metadata(
                        "lanyard.authentication.seconds.sum",
                        "Seconds spent checking presented tokens since the node started"),
                authenticationSeconds::sum);
    }

    /**
     * Creates this bean, and so registers the metrics, when the application starts: an empty application scope
     * would answer 404 at {@code /metrics} until the first login or pruning.
     */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing is enough: the container built the bean and ran register() to deliver the event.
    }

    public void loginSucceeded() {
        logins.inc();
    }

    public void loginFailed() {
        failedLogins.inc();
    }

    public void tokenIssued() {
        tokensIssued.inc();
    }

    public void tokensRevoked(long count) {
        tokensRevoked.inc(count);
    }

    public void tokensPruned(long count) {
        tokensPruned.inc(count);
    }

    public void authenticated(Duration took) {
        recentAuthentications.record(took);
        authentications.increment();
        authenticationSeconds.add(took.toNanos() / 1e9);
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
