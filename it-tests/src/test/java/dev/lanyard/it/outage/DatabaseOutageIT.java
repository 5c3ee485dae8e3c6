package dev.lanyard.it.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.SuiteDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server whose database cannot be used still deploys, says why in one line, reports itself not ready, and
 * recovers by itself once the database is there; while its database is down under load it answers 503 quickly
 * where it needs the database, and serves from memory what needs only a token it knows.
 */
@ExtendWith(SuiteDatabase.class)
class DatabaseOutageIT {

    private static final int CLIENTS = 8;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** The contract: every request during an outage answers within the pool's wait. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private static final Duration RECOVERY_WITHIN = Duration.ofSeconds(1);

    private final List<String> log = new CopyOnWriteArrayList<>();

    /** One request: sent and answered (nanoTime), its status (-1 when nothing answered) and body. */
    private record Outcome(String what, long sentAt, long answeredAt, int status, String body) {
        Duration took() {
            return Duration.ofNanos(answeredAt - sentAt);
        }
    }

    /**
     * The database is stopped for ten seconds while clients call the API. Its own PostgreSQL, on a port and data
     * directory that outlive the stop, so the suite's shared database is never touched.
     */
    @Test
    void anOutageUnderLoadAnswers503QuicklyAndServiceReturnsAsSoonAsTheDatabase() throws Exception {
        Path data = Files.createTempDirectory("lanyard-outage-pg");
        int dbPort = MicroServer.freePort();
        EmbeddedPostgres postgres = postgres(data, dbPort);
        List<String> options = List.of(
                "-Dlanyard.db.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                "-Dlanyard.db.user=postgres",
                "-Dlanyard.db.password=postgres",
                "-Xmx512m");
        try (var server = MicroServer.start(
                Path.of(System.getProperty("lanyard.micro.jar")),
                Deployments.war().toPath(),
                MicroServer.freePort(),
                options,
                log::add)) {
            var api = new Api(server.base().toURL());
            String token = new Accounts(api).register().token();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("health/ready").send().status() == 200);

            Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch calling = new CountDownLatch(CLIENTS + 1);
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String path = i % 2 == 0 ? "api/user" : "api/tokens";
                clients.add(started(() -> {
                    calling.countDown();
                    while (!stop.get()) {
                        outcomes.add(
                                call(path, () -> api.get(path).bearer(token).send()));
                        // A client that waits a little between calls, as a real one would. Since GET /api/user is
                        // served from the token cache during the outage, a client backing off only after a failure
                        // would call it in a tight loop and starve the server's two cores.
                        pause(20);
                    }
                }));
            }
            Queue<Outcome> probes = new ConcurrentLinkedQueue<>();
            clients.add(started(() -> {
                calling.countDown();
                while (!stop.get()) {
                    probes.add(call("ready", () -> api.get("health/ready").send()));
                    pause(200);
                }
            }));

            long stoppedAt;
            long restarting;
            long restartedAt;
            try {
                calling.await();
                pause(2_000);
                postgres.close();
                stoppedAt = System.nanoTime();
                pause(OUTAGE.toMillis());
                restarting = System.nanoTime();
                postgres = postgres(data, dbPort);
                restartedAt = System.nanoTime();
                pause(3_000);
            } finally {
                stop.set(true);
                for (Thread client : clients) {
                    client.join();
                }
            }

            long down = stoppedAt;
            long back = restarting;
            long up = restartedAt;
            // Sent and answered while the database was certainly down.
            Predicate<Outcome> duringTheOutage = o -> o.sentAt() >= down && o.answeredAt() < back;
            long firstServedAgain = outcomes.stream()
                    .filter(o -> o.sentAt() >= up && o.status() == 200)
                    .mapToLong(Outcome::answeredAt)
                    .min()
                    .orElseThrow();
            System.out.println("DatabaseOutageIT: during the outage "
                    + summary(outcomes.stream().filter(duringTheOutage).toList()) + ", probes "
                    + summary(probes.stream().filter(duringTheOutage).toList()) + "; slowest "
                    + outcomes.stream()
                            .max(Comparator.comparing(Outcome::took))
                            .map(o -> o.what() + " " + o.status() + " in "
                                    + o.took().toMillis() + " ms, sent " + (o.sentAt() - down) / 1_000_000
                                    + " ms after the stop")
                            .orElseThrow()
                    + "; the restart took "
                    + Duration.ofNanos(up - back).toMillis() + " ms, service back "
                    + Duration.ofNanos(firstServedAgain - up).toMillis() + " ms after it");
            // GET /api/user needs nothing but the token, which the node has in memory: no revocation can commit
            // while the database is down. Listing the tokens needs the database.
            assertThat(outcomes)
                    .filteredOn(duringTheOutage)
                    .as("requests during the outage")
                    .hasSizeGreaterThanOrEqualTo(CLIENTS)
                    .allSatisfy(o -> assertThat(o.status())
                            .as(o.toString())
                            .isEqualTo(o.what().equals("api/user") ? 200 : 503));
            assertThat(outcomes)
                    .filteredOn(duringTheOutage)
                    .as("requests during the outage")
                    .anySatisfy(o -> assertThat(o.what()).isEqualTo("api/tokens"));
            assertThat(outcomes)
                    .as("every request, before, during and after the outage")
                    .allSatisfy(o -> {
                        assertThat(o.took()).as(o.toString()).isLessThanOrEqualTo(ANSWER_WITHIN);
                        assertThat(o.status()).as(o.toString()).isIn(200, 503);
                        if (o.status() == 503) {
                            assertThat(messageOf(o)).as(o.toString()).isNotBlank();
                        }
                    });
            assertThat(probes)
                    .filteredOn(duringTheOutage)
                    .as("readiness during the outage")
                    .hasSizeGreaterThanOrEqualTo(10)
                    .allSatisfy(o -> {
                        assertThat(o.status()).as(o.toString()).isEqualTo(503);
                        assertThat(o.body()).as(o.toString()).contains("\"lanyard-database\"", "\"DOWN\"");
                        assertThat(o.took()).as(o.toString()).isLessThanOrEqualTo(ANSWER_WITHIN);
                    });
            assertThat(Duration.ofNanos(firstServedAgain - up))
                    .as("service back after the database")
                    .isLessThanOrEqualTo(RECOVERY_WITHIN);
            assertThat(outcomes)
                    .filteredOn(o -> o.sentAt() >= up + TimeUnit.SECONDS.toNanos(2))
                    .as("requests from two seconds after the restart")
                    .isNotEmpty()
                    .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(200));
        } finally {
            postgres.close();
            Files.write(
                    Path.of(System.getProperty("lanyard.it.micro.log", "target/payara-micro.log") + ".outage"), log);
        }
    }

    @Test
    void serverDeploysWithoutItsDatabaseAndRecoversWhenItAppears() throws Exception {
        String database = "lanyard_outage_" + UUID.randomUUID().toString().replace("-", "");
        String url = SuiteDatabase.current().url().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        List<String> options = SuiteDatabase.current().asSystemProperties().stream()
                .map(option -> option.startsWith("-Dlanyard.db.url=") ? "-Dlanyard.db.url=" + url : option)
                .toList();

        try (var server = MicroServer.start(
                Path.of(System.getProperty("lanyard.micro.jar")),
                Deployments.war().toPath(),
                MicroServer.freePort(),
                options,
                log::add)) {
            var api = new Api(server.base().toURL());

            var health = api.get("health/ready").send();
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.body()).contains("\"lanyard-database\"", "\"DOWN\"");
            assertThat(api.get("api/ping").send().status()).isEqualTo(200);
            assertThat(log)
                    .filteredOn(line -> line.contains("Lanyard cannot use its database"))
                    .hasSize(1)
                    .first()
                    .asString()
                    .contains(database);

            SuiteDatabase.update("CREATE DATABASE " + database);
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> api.get("health/ready").send().status() == 200);
            } finally {
                server.close();
                SuiteDatabase.update("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static Outcome call(String what, Supplier<Api.Reply> request) {
        long sentAt = System.nanoTime();
        try {
            var reply = request.get();
            return new Outcome(what, sentAt, System.nanoTime(), reply.status(), reply.body());
        } catch (UncheckedIOException e) {
            return new Outcome(what, sentAt, System.nanoTime(), -1, e.getCause().toString());
        }
    }

    private static String messageOf(Outcome outcome) {
        try (var reader = Json.createReader(new StringReader(outcome.body()))) {
            return reader.readObject().getString("message", "");
        } catch (JsonException | ClassCastException e) {
            return "";
        }
    }

    private static Map<String, Long> summary(List<Outcome> outcomes) {
        return outcomes.stream()
                .collect(Collectors.groupingBy(
                        o -> o.what() + " " + o.status() + (o.took().compareTo(ANSWER_WITHIN) > 0 ? " slow" : ""),
                        TreeMap::new,
                        Collectors.counting()));
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
