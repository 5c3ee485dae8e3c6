package dev.lanyard.metrics.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The counters and the timer an operator watches, in MicroProfile Metrics' application registry (served at
 * {@code /metrics}, e.g. {@code lanyard_logins_total}). Each node counts its own; a scraper sums the nodes.
 */
@ApplicationScoped
public class AuthMetrics {

    @Inject
    MetricRegistry registry;

    private Counter logins;
    private Counter failedLogins;
    private Counter tokensIssued;
    private Counter tokensRevoked;
    private Counter tokensPruned;
    private Timer authentication;

    @PostConstruct
    void register() {
        logins = registry.counter(counter("lanyard.logins", "Successful logins with email and password"));
        failedLogins = registry.counter(counter("lanyard.logins.failed",
                "Logins refused for wrong credentials (not those refused as throttled)"));
        tokensIssued = registry.counter(counter("lanyard.tokens.issued", "Access tokens issued, to users and clients"));
        tokensRevoked = registry.counter(counter("lanyard.tokens.revoked",
                "Access tokens revoked: logout, refresh, deletion by owner or admin, OAuth revocation"));
        tokensPruned = registry.counter(counter("lanyard.tokens.pruned", "Expired access tokens deleted by pruning"));
        authentication = registry.timer(Metadata.builder().withName("lanyard.authentication")
                .withDescription("Time to check one presented bearer token, whatever the outcome")
                .withUnit(MetricUnits.SECONDS).build());
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
        authentication.update(took);
    }

    private static Metadata counter(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
