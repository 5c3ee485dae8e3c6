package dev.lanyard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A node started while traffic is already arriving, as after a crash behind a load balancer that keeps sending:
 * once it reports itself ready, every request is answered as it would be on a node that has run for hours.
 */
class StartUnderLoadIT extends MicroTest {

    private static final int CLIENTS = 32;
    private static final long AFTER_READY_MILLIS = 5_000;

    /** What the clients send: reads without and with a token, and a JSON body refused by validation. */
    private enum Kind {
        PING((node, token) -> node.get("api/ping").send()),
        USER((node, token) -> node.get("api/user").bearer(token).send()),
        FAILED_LOGIN((node, token) ->
                node.post("api/login", Json.of("email", "", "password", "")).send());

        private final BiFunction<Api, String, Api.Reply> call;

        Kind(BiFunction<Api, String, Api.Reply> call) {
            this.call = call;
        }
    }

    /** One request: when it was sent (nanoTime), and its status, -1 when nothing answered. */
    private record Outcome(Kind kind, long sentAt, int status, String body) {}

    @Test
    void aNodeStartedUnderLoadAnswersNoServerErrorOnceReady() throws Exception {
        // Made beforehand on the suite's database, which the new node shares.
        String token = new Accounts(api()).register().token();
        int port = MicroServer.freePort();
        var node = new Api(URI.create("http://127.0.0.1:" + port + "/").toURL());

        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong readyAt = new AtomicLong();
        CountDownLatch calling = new CountDownLatch(CLIENTS);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            clients.add(started("client-" + i, () -> {
                calling.countDown();
                while (!stop.get()) {
                    outcomes.add(call(kind, node, token));
                }
            }));
        }
        Thread readiness = started("readiness", () -> {
            while (!stop.get() && readyAt.get() == 0) {
                if (status(node, "health/ready") == 200) {
                    readyAt.set(System.nanoTime());
                }
                pause(20);
            }
        });
        assertThat(calling.await(10, TimeUnit.SECONDS)).isTrue();

        List<String> log = new CopyOnWriteArrayList<>();
        List<String> jvm = new ArrayList<>(SuiteDatabase.current().asSystemProperties());
        jvm.add("-Xmx512m");
        MicroServer server = null;
        try {
            server = MicroServer.start(
                    Path.of(System.getProperty("lanyard.micro.jar")),
                    Deployments.war().toPath(),
                    port,
                    jvm,
                    log::add);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (readyAt.get() == 0 && System.nanoTime() < deadline) {
                pause(50);
            }
            assertThat(readyAt.get()).as("/health/ready answered 200").isNotZero();
            while (System.nanoTime() - readyAt.get() < TimeUnit.MILLISECONDS.toNanos(AFTER_READY_MILLIS)) {
                pause(100);
            }
        } finally {
            // The clients stop before the server does: what a stopping server answers is not under test.
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }
            readiness.join();
            if (server != null) {
                server.close();
            }
            Files.write(
                    Path.of(System.getProperty("lanyard.it.micro.log", "target/payara-micro.log")
                            + ".start-under-load"),
                    log,
                    StandardCharsets.UTF_8);
        }

        List<Outcome> afterReady = outcomes.stream()
                .filter(outcome -> outcome.sentAt() >= readyAt.get())
                .toList();
        List<Outcome> beforeReady = outcomes.stream()
                .filter(outcome -> outcome.sentAt() < readyAt.get())
                .toList();
        System.out.println(
                "StartUnderLoadIT: before ready " + statuses(beforeReady) + ", after ready " + statuses(afterReady));
        assertThat(afterReady)
                .filteredOn(outcome -> outcome.status() >= 500 || outcome.status() < 0)
                .as("server errors once ready")
                .isEmpty();
        for (Kind kind : Kind.values()) {
            assertThat(afterReady)
                    .filteredOn(outcome -> outcome.kind() == kind)
                    .as(kind + " after ready")
                    .hasSizeGreaterThanOrEqualTo(20)
                    .allSatisfy(outcome -> assertThat(outcome.status())
                            .as(outcome.toString())
                            .isEqualTo(kind == Kind.FAILED_LOGIN ? 422 : 200));
        }
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    private static Outcome call(Kind kind, Api node, String token) {
        long sentAt = System.nanoTime();
        try {
            var reply = kind.call.apply(node, token);
            if (reply.status() == 404) {
                // The application is not there yet: retry soon, not in a tight loop that starves its deployment.
                pause(10);
            }
            return new Outcome(kind, sentAt, reply.status(), reply.body());
        } catch (UncheckedIOException e) {
            // Not listening yet: try again shortly rather than spin.
            pause(20);
            return new Outcome(kind, sentAt, -1, e.getCause().toString());
        }
    }

    private static int status(Api node, String path) {
        try {
            return node.get(path).send().status();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private static Map<String, Long> statuses(List<Outcome> outcomes) {
        return outcomes.stream()
                .collect(Collectors.groupingBy(
                        outcome -> outcome.kind() + " " + outcome.status(), TreeMap::new, Collectors.counting()));
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
