package dev.lanyard.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.LoopbackClient;
import dev.lanyard.it.support.Nginx;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two Payara Micro instances of the WAR, clustered through Payara's data grid on loopback only (explicit TCP
 * members on 127.0.0.1, a cluster name of this run's own, so no other run or host can join), sharing the suite's
 * PostgreSQL: what one node does, the other sees on its very next request. In front of them, nginx as docs/operations.md
 * configures it; the nodes trust 127.0.0.1, the address they see nginx at, as their proxy, and clients of the
 * proxy come from loopback addresses of their own.
 */
@ExtendWith(SuiteDatabase.class)
class ClusterIT {

    /** The pruning lock's key, as {@code PruneLock} takes it. */
    private static final long PRUNE_LOCK = 0x6c6e7970_72756e65L;

    private static final String APP = "https://test.com/app";
    private static final String NEW_PASSWORD = "a brand new passphrase 42";
    private static final int SIMULTANEOUS = 16;

    private static final List<String> LOG_A = new CopyOnWriteArrayList<>();
    private static final List<String> LOG_B = new CopyOnWriteArrayList<>();
    private static MicroServer nodeA;
    private static MicroServer nodeB;
    private static Api a;
    private static Api b;
    private static Nginx proxy;

    @BeforeAll
    static void startTwoClusteredNodes() throws Exception {
        int gridA = MicroServer.freePort();
        int gridB = MicroServer.freePort();
        String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        String cluster = "lanyard-it-" + UUID.randomUUID();
        var startA = CompletableFuture.supplyAsync(() -> start("a", gridA, members, cluster, LOG_A));
        var startB = CompletableFuture.supplyAsync(() -> start("b", gridB, members, cluster, LOG_B));
        try {
            nodeA = startA.get(6, TimeUnit.MINUTES);
        } finally {
            nodeB = startB.get(6, TimeUnit.MINUTES);
        }
        a = new Api(nodeA.base().toURL());
        b = new Api(nodeB.base().toURL());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LOG_A.stream().anyMatch(line -> line.contains("DG Size: 2"))
                        && LOG_B.stream().anyMatch(line -> line.contains("DG Size: 2")));
        proxy = Nginx.start(Path.of("target", "nginx"), List.of(nodeA.base(), nodeB.base()));
    }

    @AfterAll
    static void stopNodes() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        Files.write(logFile("a"), LOG_A, StandardCharsets.UTF_8);
        Files.write(logFile("b"), LOG_B, StandardCharsets.UTF_8);
    }

    private static Path logFile(String node) {
        return Path.of(System.getProperty("lanyard.it.micro.log", "target/payara-micro.log") + ".cluster-" + node);
    }

    @Test
    void theNodesFormOneDataGridOnLoopbackOnly() {
        assertThat(LOG_A).anyMatch(line -> line.contains("Address: /127.0.0.1:"));
        assertThat(LOG_A)
                .filteredOn(line -> line.contains("DataGrid: lanyard-it-") && line.contains("Address: /"))
                .allMatch(line -> line.contains("Address: /127.0.0.1:"));
    }

    @Test
    void aTokenFromALoginOnAWorksOnBAndARevokeOnBIsRefusedOnAAtOnce() {
        var user = new Accounts(a).register();
        var login = a.post("api/login", Json.of("email", user.email(), "password", Accounts.PASSWORD))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String token = login.json().getString("token");

        var onB = b.get("api/user").bearer(token).send();
        assertThat(onB.status()).as(onB.toString()).isEqualTo(200);
        assertThat(onB.json().getString("email")).isEqualTo(user.email());
        assertThat(a.get("api/user").bearer(token).send().status()).isEqualTo(200);

        assertThat(b.post("api/logout").bearer(token).send().status()).isEqualTo(200);
        var onA = a.get("api/user").bearer(token).send();
        assertThat(onA.status()).as(onA.toString()).isEqualTo(401);

        String other = new Accounts(a).token(user, "read:posts");
        assertThat(a.get("api/posts").bearer(other).send().status()).isEqualTo(200);
        var revoke = b.send("POST", "api/oauth/revoke", "application/x-www-form-urlencoded", "token=" + other)
                .bearer(user.token())
                .send();
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(a.get("api/posts").bearer(other).send().status()).isEqualTo(401);
    }

    /**
     * Each way a token ends, narrows, or its owner changes, done on node A while both nodes serve other tokens:
     * node B, which has the token in its cache from the request just before, answers the very next request as the
     * change demands, and so do requests released together on both nodes right after.
     */
    @ParameterizedTest
    @EnumSource(Change.class)
    void aChangeOnAIsSeenByTheVeryNextRequestOnB(Change change) throws Exception {
        try (var load = new Load(List.of(a, b), loadTokens())) {
            Case subject = prepare(change);
            for (int warm = 0; warm < 2; warm++) {
                assertThat(subject.observe().apply(b))
                        .as("on B before the change")
                        .isEqualTo(subject.before());
            }
            subject.change().run();
            assertThat(subject.observe().apply(b))
                    .as("on B, the first request after the change on A")
                    .isEqualTo(subject.after());
            assertThat(Simultaneous.all(SIMULTANEOUS, i -> subject.observe().apply(i % 2 == 0 ? b : a)))
                    .as("requests released together on both nodes after the change")
                    .containsOnly(subject.after());
            assertThat(load.stop()).as("load requests answered other than 200").isZero();
        }
    }

    /** The ways a token ends or narrows, or its owner changes. */
    enum Change {
        LOGOUT,
        LOGOUT_ALL,
        REFRESH,
        SUCCESSOR_USED,
        ABILITIES_NARROWED,
        TOKEN_DELETED,
        ADMIN_REVOKED,
        OAUTH_REVOKED,
        REPORTED,
        PASSWORD_CHANGED,
        PASSWORD_RESET,
        USER_DELETED,
        CLIENT_DELETED,
        EMAIL_VERIFIED,
        EXPIRED,
        PRUNED
    }

    /** What B answers (a status, or what it shows) before and after the change, which is made on A. */
    record Case(Function<Api, String> observe, String before, Runnable change, String after) {}

    private static Case prepare(Change change) throws Exception {
        var user = new Accounts(a).register();
        String second = new Accounts(a).token(user, "*");
        Function<Api, String> userStatus =
                node -> status(node.get("api/user").bearer(second).send());
        return switch (change) {
            case LOGOUT ->
                new Case(
                        userStatus,
                        "200",
                        () -> expect(a.post("api/logout").bearer(second).send(), 200),
                        "401");
            case LOGOUT_ALL ->
                new Case(
                        userStatus,
                        "200",
                        () -> expect(
                                a.post("api/logout-all").bearer(user.token()).send(), 200),
                        "401");
            case REFRESH ->
                new Case(
                        userStatus,
                        "200",
                        () -> expect(a.post("api/token/refresh").bearer(second).send(), 200),
                        "401");
            case SUCCESSOR_USED -> {
                // Refreshed with a grace, the old token works on B until its successor is first used, on A.
                var refreshed = a.post("api/token/refresh", Json.of("grace_seconds", 300))
                        .bearer(second)
                        .send();
                expect(refreshed, 200);
                String successor = refreshed.json().getString("token");
                yield new Case(
                        userStatus,
                        "200",
                        () -> expect(a.get("api/user").bearer(successor).send(), 200),
                        "401");
            }
            case ABILITIES_NARROWED -> {
                String narrowed = new Accounts(a).token(user, "read:posts", "read:inventory");
                yield new Case(
                        node -> status(
                                node.get("api/inventory").bearer(narrowed).send()),
                        "200",
                        () -> expect(
                                a.patch("api/tokens/" + idOf(narrowed), Json.of("abilities", List.of("read:posts")))
                                        .bearer(user.token())
                                        .send(),
                                200),
                        "403");
            }
            case TOKEN_DELETED ->
                new Case(
                        userStatus,
                        "200",
                        () -> expect(
                                a.delete("api/tokens/" + idOf(second))
                                        .bearer(user.token())
                                        .send(),
                                200),
                        "401");
            case ADMIN_REVOKED ->
                new Case(
                        userStatus,
                        "200",
                        () -> expect(
                                a.delete("api/admin/tokens/" + idOf(second))
                                        .bearer(Admin.token(a))
                                        .send(),
                                200),
                        "401");
            case OAUTH_REVOKED ->
                new Case(
                        userStatus,
                        "200",
                        () -> expect(
                                a.send(
                                                "POST",
                                                "api/oauth/revoke",
                                                "application/x-www-form-urlencoded",
                                                "token=" + second)
                                        .bearer(user.token())
                                        .send(),
                                200),
                        "401");
            case REPORTED ->
                new Case(
                        userStatus,
                        "200",
                        () -> expect(
                                a.post("api/credentials/revoke", Json.of("credentials", List.of(second)))
                                        .send(),
                                202),
                        "401");
            case PASSWORD_CHANGED ->
                new Case(
                        userStatus,
                        "200",
                        () -> expect(
                                a.put(
                                                "api/user/password",
                                                Json.of(
                                                        "current_password",
                                                        Accounts.PASSWORD,
                                                        "password",
                                                        NEW_PASSWORD,
                                                        "password_confirmation",
                                                        NEW_PASSWORD))
                                        .bearer(user.token())
                                        .send(),
                                200),
                        "401");
            case PASSWORD_RESET -> new Case(userStatus, "200", () -> resetPassword(user.email()), "401");
            case USER_DELETED ->
                new Case(
                        userStatus,
                        "200",
                        () -> expect(
                                a.delete("api/admin/users/" + user.id())
                                        .bearer(Admin.token(a))
                                        .send(),
                                200),
                        "401");
            case CLIENT_DELETED -> {
                String admin = Admin.token(a);
                var client = a.post(
                                "api/admin/clients",
                                Json.of("name", "storefront", "abilities", List.of("read:inventory")))
                        .bearer(admin)
                        .send();
                expect(client, 201);
                String token = client.json().getString("token");
                long id = client.json()
                        .getJsonObject("client")
                        .getJsonNumber("id")
                        .longValue();
                yield new Case(
                        node -> status(node.get("api/inventory").bearer(token).send()),
                        "200",
                        () -> expect(
                                a.delete("api/admin/clients/" + id)
                                        .bearer(admin)
                                        .send(),
                                200),
                        "401");
            }
            case EMAIL_VERIFIED -> {
                expect(
                        a.post("api/email/verification-notification")
                                .bearer(user.token())
                                .send(),
                        202);
                String link = await().atMost(Duration.ofSeconds(30))
                        .until(() -> linkInLogs(user.email(), "/api/email/verify/"), l -> l != null);
                URI uri = URI.create(link);
                yield new Case(
                        node -> node.get("api/user")
                                        .bearer(second)
                                        .send()
                                        .json()
                                        .isNull("email_verified_at")
                                ? "unverified"
                                : "verified",
                        "unverified",
                        () -> expect(
                                a.get(uri.getRawPath().substring(1) + "?" + uri.getRawQuery())
                                        .send(),
                                200),
                        "verified");
            }
            case EXPIRED, PRUNED -> {
                Instant expires = Instant.now().plusSeconds(3);
                var created = a.post("api/tokens", Json.of("name", "short", "expires_at", expires.toString()))
                        .bearer(user.token())
                        .send();
                expect(created, 201);
                String token = created.json().getString("plain_text_token");
                yield new Case(
                        node -> status(node.get("api/user").bearer(token).send()),
                        "200",
                        () -> {
                            sleepUntil(expires.plusMillis(200));
                            if (change == Change.PRUNED) {
                                expect(
                                        a.post("api/admin/tokens/prune?hours=0")
                                                .bearer(Admin.token(a))
                                                .send(),
                                        200);
                            }
                        },
                        "401");
            }
        };
    }

    private static void resetPassword(String email) {
        expect(a.post("api/forgot-password", Json.of("email", email)).send(), 200);
        String link = await().atMost(Duration.ofSeconds(30))
                .until(() -> linkInLogs(email, "reset-password?token="), l -> l != null);
        String token = URLDecoder.decode(link.replaceFirst(".*[?&]token=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        expect(new Accounts(a).resetPassword(token, email, NEW_PASSWORD), 200);
    }

    /** The link containing {@code marker} in a mail to {@code email} that either node wrote to its log. */
    private static String linkInLogs(String email, String marker) {
        for (List<String> log : List.of(LOG_A, LOG_B)) {
            List<String> lines = List.copyOf(log);
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).contains("==== MAIL NOT SENT")
                        && lines.get(i + 1).equals("To: " + email)) {
                    for (int j = i + 1; j < lines.size() && !lines.get(j).contains("==== END OF MAIL"); j++) {
                        if (lines.get(j).contains(marker)) {
                            return lines.get(j)
                                    .trim()
                                    .replaceFirst("^.*?(\\S*" + Pattern.quote(marker) + "\\S*).*$", "$1");
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String status(Api.Reply reply) {
        return String.valueOf(reply.status());
    }

    private static void expect(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    }

    private static long idOf(String plainTextToken) {
        return Long.parseLong(plainTextToken.substring(0, plainTextToken.indexOf('|')));
    }

    private static void sleepUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> loadTokens;

    /** Tokens of other users that the load authenticates, made once. */
    private static synchronized List<String> loadTokens() {
        if (loadTokens == null) {
            loadTokens = Stream.generate(() -> new Accounts(a).register().token())
                    .limit(8)
                    .toList();
        }
        return loadTokens;
    }

    /** Four threads sending {@code GET /api/user} with the given tokens to both nodes, until stopped. */
    private static final class Load implements AutoCloseable {
        private final ExecutorService threads = Executors.newFixedThreadPool(4);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong failures = new AtomicLong();

        Load(List<Api> nodes, List<String> tokens) {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.submit(() -> {
                    for (int i = thread; running.get(); i++) {
                        var reply = nodes.get(i % nodes.size())
                                .get("api/user")
                                .bearer(tokens.get(i % tokens.size()))
                                .send();
                        if (reply.status() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
        }

        long stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            return failures.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            threads.shutdownNow();
        }
    }

    @Test
    void failedLoginsOnBothNodesCountTowardsOneLimit() {
        var user = new Accounts(a).register();
        String wrong = Json.of("email", user.email(), "password", "not the password 1");
        for (Api node : List.of(a, b, a, b, a)) {
            assertThat(node.post("api/login", wrong).send().status()).isEqualTo(422);
        }

        String right = Json.of("email", user.email(), "password", Accounts.PASSWORD);
        for (Api node : List.of(b, a)) {
            var locked = node.post("api/login", right).send();
            assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
            assertThat(locked.header("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        }
    }

    @Test
    void behindNginxEachClientAddressHasItsOwnLoginLimit() {
        var user = new Accounts(a).register();
        var attacker = LoopbackClient.anyAddress(proxy.http());
        var neighbour = LoopbackClient.anyAddress(proxy.http());
        String wrong = Json.of("email", user.email(), "password", "not the password 1");
        String right = Json.of("email", user.email(), "password", Accounts.PASSWORD);

        // Whatever a client claims in the headers nginx passes on, the hop nginx appends is the one that counts.
        for (int attempt = 1; attempt <= 5; attempt++) {
            var reply = attacker.post(
                    "api/login",
                    wrong,
                    "X-Forwarded-For: 203.0.113." + attempt,
                    "Forwarded: for=198.51.100." + attempt);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        }
        var locked = attacker.post("api/login", right, "X-Forwarded-For: 203.0.113.99");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);

        var judged = neighbour.post("api/login", right, "X-Forwarded-For: " + attacker.address());
        assertThat(judged.status()).as(judged.toString()).isEqualTo(200);
    }

    @Test
    void behindNginxTheAuditTrailShowsTheClientsOwnAddress() {
        var user = new Accounts(a).register();
        var client = LoopbackClient.anyAddress(proxy.http());

        client.post(
                "api/login",
                Json.of("email", user.email(), "password", "not the password 1"),
                "X-Forwarded-For: 203.0.113.7");
        var login = client.post("api/login", Json.of("email", user.email(), "password", Accounts.PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        var audit = client.get(
                "api/audit?per_page=100",
                "Authorization: Bearer " + login.json().getString("token"));

        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(loginEvents(audit))
                .hasSize(2)
                .allSatisfy(event ->
                        assertThat(event.getString("ip")).as(event.toString()).isEqualTo(client.address()));
    }

    @Test
    void behindNginxATokenShowsTheClientsOwnAddressAsWhereItWasLastUsed() {
        var user = new Accounts(a).register();
        var client = LoopbackClient.anyAddress(proxy.http());
        String[] headers = {
            "Authorization: Bearer " + user.token(), "User-Agent: inventory-sync/1.4", "X-Forwarded-For: 203.0.113.8"
        };

        // Every read comes from the same client, so whichever node notes the use first notes this client.
        JsonObject token = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            var list = client.get("api/tokens", headers);
                            assertThat(list.status()).as(list.toString()).isEqualTo(200);
                            return list.json().getJsonArray("tokens").getJsonObject(0);
                        },
                        listed -> !listed.isNull("last_used_ip"));

        assertThat(token.getString("last_used_ip")).isEqualTo(client.address());
        assertThat(token.getString("last_used_user_agent")).isEqualTo("inventory-sync/1.4");
    }

    @Test
    void behindNginxWithTlsTheSessionCookieIsSecure() {
        var user = new Accounts(a).register();
        var overTls = spaLogin(LoopbackClient.anyAddress(proxy.https()).overTls(proxy.tls()), user);
        var plain = spaLogin(LoopbackClient.anyAddress(proxy.http()), user);

        assertThat(sessionCookie(overTls)).contains("HttpOnly").contains("Secure");
        assertThat(overTls.headers("Strict-Transport-Security")).isNotEmpty();
        assertThat(sessionCookie(plain)).contains("HttpOnly").doesNotContain("Secure");
        assertThat(plain.headers("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void forwardingHeadersSentStraightToANodeAreIgnored() throws IOException {
        var user = new Accounts(a).register();
        var client = LoopbackClient.anyAddress(nodeA.base().toURL());
        String[] claims = {
            "X-Forwarded-For: 203.0.113.50", "Forwarded: for=203.0.113.51;proto=https", "X-Forwarded-Proto: https"
        };

        var login = client.post("api/login", Json.of("email", user.email(), "password", Accounts.PASSWORD), claims);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        var audit = client.get(
                "api/audit?per_page=100",
                "Authorization: Bearer " + login.json().getString("token"));
        assertThat(loginEvents(audit))
                .singleElement()
                .satisfies(event -> assertThat(event.getString("ip")).isEqualTo(client.address()));

        var session = spaLogin(client, user, claims);
        assertThat(sessionCookie(session)).doesNotContain("Secure");
        assertThat(session.headers("Strict-Transport-Security")).isEmpty();
    }

    /** A single-page app's sign-in: the CSRF cookie first, then the login echoing it. */
    private static LoopbackClient.Reply spaLogin(LoopbackClient browser, Accounts.Account user, String... headers) {
        var csrf = browser.get(
                "api/csrf-cookie",
                Stream.concat(Stream.of("Referer: " + APP), Stream.of(headers)).toArray(String[]::new));
        assertThat(csrf.status()).as(csrf.toString()).isEqualTo(204);
        String xsrf = csrf.headers("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .map(cookie -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';')))
                .findFirst()
                .orElseThrow();
        var login = browser.post(
                "api/spa/login",
                Json.of("email", user.email(), "password", Accounts.PASSWORD),
                Stream.concat(
                                Stream.of("Referer: " + APP, "Cookie: XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN: " + xsrf),
                                Stream.of(headers))
                        .toArray(String[]::new));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login;
    }

    private static String sessionCookie(LoopbackClient.Reply reply) {
        return reply.headers("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("lanyard_session="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + reply.head()));
    }

    private static List<JsonObject> loginEvents(LoopbackClient.Reply audit) {
        return audit.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(event -> event.getString("type").startsWith("login."))
                .toList();
    }

    @Test
    void eachScheduledPruningRunsOnOneNodeOnly() throws SQLException {
        // The suite schedules pruning every two seconds on both nodes.
        Instant since = SuiteDatabase.now();

        await().atMost(Duration.ofSeconds(40))
                .until(() -> scheduledSlotsSince(since).size() >= 6);

        List<String> slots = scheduledSlotsSince(since);
        assertThat(slots).as("slots pruned since " + since).doesNotHaveDuplicates();
    }

    @Test
    void pruningWaitsForTheRunHoldingTheLockOnAnyNode() throws Exception {
        String admin = Admin.token(a);
        try (var connection = SuiteDatabase.current().connect()) {
            try (var lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, PRUNE_LOCK);
                lock.execute();
            }
            Instant held = SuiteDatabase.now();
            long slot = SuiteDatabase.number("SELECT extract(epoch FROM last_slot)::bigint FROM scheduled_runs"
                    + " WHERE name = 'token-pruning'");
            var manual = CompletableFuture.supplyAsync(
                    () -> b.post("api/admin/tokens/prune").bearer(admin).send());

            // While another run holds the lock, the timers go on claiming their slots but skip the work, and a
            // manual run waits.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> SuiteDatabase.number("SELECT extract(epoch FROM"
                                    + " last_slot)::bigint FROM scheduled_runs WHERE name = 'token-pruning'")
                            >= slot + 4);
            assertThat(manual).isNotDone();
            assertThat(scheduledSlotsSince(held)).isEmpty();

            try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, PRUNE_LOCK);
                unlock.execute();
            }
            var reply = manual.get(60, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
    }

    private static MicroServer start(String name, int gridPort, String members, String cluster, List<String> log) {
        try {
            List<String> jvm = new ArrayList<>(SuiteDatabase.current().asSystemProperties());
            jvm.add("-Xmx512m");
            jvm.add("-Dlanyard.trusted-proxies=127.0.0.1/32");
            // Verification and reset mails go to the node's log, where the eviction tests read their links.
            jvm.add("-Dlanyard.mail.log-unsent=true");
            return MicroServer.start(
                    Path.of(System.getProperty("lanyard.micro.jar")),
                    Deployments.war().toPath(),
                    MicroServer.freePort(),
                    jvm,
                    List.of(
                            "--clustermode",
                            members,
                            "--interfaces",
                            "127.0.0.1",
                            "--startport",
                            String.valueOf(gridPort),
                            "--clustername",
                            cluster,
                            "--name",
                            "lanyard-" + name),
                    log::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The slots of the scheduled pruning runs recorded in the audit trail since {@code since}. */
    private static List<String> scheduledSlotsSince(Instant since) throws SQLException {
        try (var connection = SuiteDatabase.current().connect();
                var statement = connection.prepareStatement("SELECT substring(detail from 'slot=([^ ]+)')"
                        + " FROM audit_events WHERE type = 'tokens.pruned' AND detail LIKE 'trigger=schedule%'"
                        + " AND occurred_at >= ?")) {
            statement.setTimestamp(1, Timestamp.from(since));
            var rows = statement.executeQuery();
            List<String> slots = new ArrayList<>();
            while (rows.next()) {
                slots.add(rows.getString(1));
            }
            return slots;
        }
    }
}
