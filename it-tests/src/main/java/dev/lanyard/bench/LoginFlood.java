package dev.lanyard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that keep sending failed logins, each for a new random email, from this machine's one address, at a
 * fixed pace that pays no heed to 429 or {@code Retry-After}: far more logins than the server could hash.
 */
final class LoginFlood implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService clients;
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private LoginFlood(URI base, int clients, Duration interval) {
        this.clients = Executors.newFixedThreadPool(clients);
        URI login = base.resolve("api/login");
        for (int i = 0; i < clients; i++) {
            this.clients.submit(() -> flood(login, interval));
        }
    }

    static LoginFlood start(URI base, int clients, Duration interval) {
        return new LoginFlood(base, clients, interval);
    }

    private void flood(URI login, Duration interval) {
        long next = System.nanoTime();
        while (running) {
            String body = "{\"email\":\"flood-" + UUID.randomUUID() + "@example.com\",\"password\":\"a guess\"}";
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                status = 0;
            }
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            next += interval.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Answers by status (0: no answer), so far. */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }
}
