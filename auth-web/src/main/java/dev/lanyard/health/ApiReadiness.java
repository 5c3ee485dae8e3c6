package dev.lanyard.health;

import dev.lanyard.rest.JsonWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the API has answered a real JSON request. Payara reports a server ready before the JAX-RS application
 * has served anything, and builds much of it on the first requests; until one has gone through, this check sends
 * one itself, {@code GET /api/ping} to this node's own HTTP listener, so the node is warm before traffic is sent
 * its way.
 */
@Readiness
@ApplicationScoped
public class ApiReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ApiReadiness.class.getName());
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    JsonWarmUp warmUp;

    // Payara's own configuration, as its MicroProfile Config source publishes it.
    @Inject
    @ConfigProperty(name = "payara.instance.http.port")
    Optional<Integer> httpPort;

    @Inject
    @ConfigProperty(name = "payara.instance.http.address")
    Optional<String> httpAddress;

    private volatile String contextPath = "";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(WARM_UP_TIMEOUT)
            .build();

    // Payara proxies an injected ServletContext through the request scope, which a health check does not have.
    void started(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        contextPath = context.getContextPath();
    }

    @Override
    public HealthCheckResponse call() {
        if (!warmUp.isWarm()) {
            httpPort.ifPresent(this::pingItself);
        }
        return HealthCheckResponse.named("lanyard-api")
                .status(warmUp.isWarm())
                .withData("warmed_up", warmUp.isWarm())
                .build();
    }

    private void pingItself(int port) {
        URI ping = URI.create("http://" + host() + ":" + port + contextPath + "/api/ping");
        try {
            int status = client.send(
                            HttpRequest.newBuilder(ping)
                                    .timeout(WARM_UP_TIMEOUT)
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                LOG.log(Level.INFO, "Warm-up request {0} answered {1}", new Object[] {ping, status});
            }
        } catch (IOException e) {
            LOG.log(Level.INFO, "Warm-up request {0} failed: {1}", new Object[] {ping, e.toString()});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String host() {
        String address = httpAddress.map(String::trim).orElse("");
        if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            return "localhost";
        }
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}
