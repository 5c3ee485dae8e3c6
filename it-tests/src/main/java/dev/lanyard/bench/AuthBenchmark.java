package dev.lanyard.bench;

import dev.lanyard.bench.reference.ClosedLoop;
import dev.lanyard.crypto.Hashes;
import dev.lanyard.devserver.Database;
import dev.lanyard.devserver.MicroServer;
import dev.lanyard.token.entity.PlainTextToken;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Authentication under load, each figure beside its reference from the same run: bearer authentication vs an
 * open endpoint, last_used_at writes, login vs raw argon2id (and raw bcrypt), revocation under load on one node
 * and across two, invalid tokens, the API during a login flood, introspection vs an open endpoint, and the open
 * endpoint vs a bare JAX-RS WAR on the same Micro. Beside each load's rate, the server's CPU time per request over
 * the same window. Arguments: the Payara Micro jar, the WAR, the path of BENCHMARKS.md, a working directory. The
 * system property {@code lanyard.bench.scenarios} (e.g. {@code 6}, or {@code 1,3}) runs only those scenarios; the
 * section of scenarios 1 to 5 and 7 is written only when all of them ran, and every measured window is printed as
 * it ends.
 */
public final class AuthBenchmark {

    private static final int USERS = 10_000;
    private static final int TOKENS = 100_000;
    private static final int SECONDS = 15;
    private static final int REVOCATION_TRIALS = 1_000;
    // Scenario 3: the server's password settings (its defaults, checked on a registered user's hash); bcrypt at its
    // former default cost beside them for comparison.
    private static final int ARGON2_MEMORY_KIB = 19_456;
    private static final int ARGON2_ITERATIONS = 2;
    private static final int ARGON2_PARALLELISM = 1;
    private static final String ARGON2ID_PARAMETERS =
            "m=%d,t=%d,p=%d".formatted(ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_PARALLELISM);
    private static final int BCRYPT_COST = 12;
    // Scenarios 1 and 3 take turns with their reference, so a neighbour's load on a shared machine hits both.
    private static final int ROUNDS = 3;
    private static final int ROUND_SECONDS = 10;
    // At 20 to 40 logins a second a 10 s round was at the mercy of a neighbour: single rounds read 0.46x to 1.89x.
    private static final int LOGIN_ROUND_SECONDS = 20;
    // Each load's code compiled before it is measured: CPU/req counts the JIT compiler's threads too, and with
    // 10 s of warm-up it still fell by half over the next minute on a busy machine.
    private static final int WARM_UP_SECONDS = 30;
    private static final int WARM_UP_ROUNDS = 2;
    // Four callers a core keep every core busy while some logins are on the network, in the database or waiting
    // for the JIT compiler's threads; the reference gets as many. BENCHMARKS.md has the figures with fewer.
    private static final int LOGIN_WORKERS = 4 * Runtime.getRuntime().availableProcessors();
    private static final String USER_PASSWORD = "benchmark user passphrase";
    // Scenario 6: as many flooding clients as the proof asks for, each sending a failed login every 200 ms
    // whatever the answer, 320 a second together: some forty times what two cores can hash at cost 12.
    private static final int FLOOD_CLIENTS = 64;
    private static final Duration FLOOD_INTERVAL = Duration.ofMillis(200);
    // LastUsedWriter writes once a second.
    private static final Duration WRITER_DELAY = Duration.ofMillis(2_500);

    private AuthBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        try (Database database = Database.fromEnvironmentOrEmbedded("LANYARD_TEST_DB", Optional.empty());
                MicroServer server = Bench.startServer(
                        database,
                        Path.of(args[0]),
                        Path.of(args[1]),
                        List.of(),
                        List.of(
                                "--deploy",
                                        ReferenceWar.write(Path.of(args[1]), work)
                                                .toString(),
                                "--deploy", BareWar.write(work).toString()));
                Connection sql = database.connect()) {
            Wrk wrk = Wrk.prepare(work.resolve("scripts"), server.pid());
            Path tokens = seed(sql, work.resolve("tokens.txt"));
            countWrites(sql);
            Path invalid = invalidTokens(work.resolve("invalid-tokens.txt"));
            URI base = server.base();
            Map<String, String> valid = Map.of("TOKENS_FILE", tokens.toString());

            Set<Integer> scenarios = scenarios();
            System.out.println("[bench] warming up");
            wrk.run(base.resolve("api/ping"), "plain.lua", WARM_UP_SECONDS, Map.of());
            wrk.run(base.resolve(BareWar.CONTEXT_ROOT + "/api/ping"), "plain.lua", WARM_UP_SECONDS, Map.of());
            wrk.run(base, "random-token.lua", WARM_UP_SECONDS, valid);
            // Every token once, so the node knows them as one in service knows its clients' tokens; a node that
            // has not seen a token reads it from the database, which scenario 5's invalid tokens measure apart.
            System.out.println("[bench] warming up: every token once");
            wrk.eachToken(base, tokens, TOKENS);
            // Then the two loads scenario 1 compares, taking turns as its rounds do: the pass above sent one token
            // at a time, so the code of 32 concurrent requests on known tokens was not yet compiled, and ping's
            // first rounds were still getting faster too.
            System.out.println("[bench] warming up: scenario 1's loads, taking turns, unmeasured");
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                wrk.run(base.resolve("api/ping"), "plain.lua", WARM_UP_SECONDS / 2, Map.of());
                wrk.run(base, "random-token.lua", WARM_UP_SECONDS / 2, valid);
            }

            List<Wrk.Result> pings = new ArrayList<>();
            List<Wrk.Result> users = new ArrayList<>();
            Writes writes = null;
            if (scenarios.contains(1)) {
                System.out.println("[bench] 1: bearer authentication vs an open endpoint, taking turns");
                long writesBefore = lastWrite(sql);
                for (int round = 0; round < ROUNDS; round++) {
                    pings.add(printed("ping", wrk.run(base.resolve("api/ping"), "plain.lua", ROUND_SECONDS, Map.of())));
                    if (round == ROUNDS - 1) {
                        Bench.recordProfileIfAsked(server, ROUND_SECONDS, "user");
                    }
                    users.add(printed("user", wrk.run(base, "random-token.lua", ROUND_SECONDS, valid)));
                }
                writes = Writes.since(sql, writesBefore);
            }

            // Rounds of their own, after scenario 1's: within one 60 s window, scenario 2 counts one write a token.
            List<Wrk.Result> introspectionPings = new ArrayList<>();
            List<Wrk.Result> introspections = new ArrayList<>();
            if (scenarios.contains(7)) {
                System.out.println("[bench] 7: introspection vs an open endpoint, taking turns");
                Map<String, String> asked = Map.of(
                        "TOKENS_FILE",
                        tokens.toString(),
                        "INTROSPECTOR_TOKEN",
                        introspector(server, Files.readAllLines(tokens).get(0)));
                wrk.run(base, "introspect.lua", WARM_UP_SECONDS, asked);
                for (int round = 0; round < ROUNDS; round++) {
                    introspectionPings.add(
                            printed("ping", wrk.run(base.resolve("api/ping"), "plain.lua", ROUND_SECONDS, Map.of())));
                    introspections.add(printed("introspect", wrk.run(base, "introspect.lua", ROUND_SECONDS, asked)));
                }
            }

            Logins logins = null;
            if (scenarios.contains(3)) {
                System.out.println("[bench] 3: login vs raw argon2id and bcrypt in the server's JVM, taking turns");
                List<String> emails = registerUsers(server, LOGIN_WORKERS);
                requireArgon2id(sql, emails.get(0));
                logins = new Logins(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                // A round each to warm up: the reference's copies of the libraries are compiled apart from Lanyard's.
                loginRate(server, emails, ROUND_SECONDS);
                hashRate(base, "argon2id", ROUND_SECONDS);
                hashRate(base, "bcrypt", ROUND_SECONDS);
                for (int round = 0; round < ROUNDS; round++) {
                    if (round == ROUNDS - 1) {
                        Bench.recordProfileIfAsked(server, LOGIN_ROUND_SECONDS, "login");
                    }
                    logins.logins().add(Timed.on(server, () -> loginRate(server, emails, LOGIN_ROUND_SECONDS)));
                    logins.argon2id().add(Timed.on(server, () -> hashRate(base, "argon2id", LOGIN_ROUND_SECONDS)));
                    logins.bcrypt().add(Timed.on(server, () -> hashRate(base, "bcrypt", ROUND_SECONDS)));
                }
                System.out.println(logins.rows());
            }

            Revocations oneNode = null;
            Revocations twoNodes = null;
            Revocations twoNodesBack = null;
            if (scenarios.contains(4)) {
                System.out.println("[bench] 4: revocation under load, on one node");
                String admin = Bench.login(server, Bench.ADMIN_EMAIL, Bench.ADMIN_PASSWORD);
                oneNode = revocationTrials(wrk, List.of(base), base, base, admin, valid);
                System.out.println("[bench] 4: revocation under load, on one of two clustered nodes, use on the other");
                List<MicroServer> cluster = Bench.startCluster(database, Path.of(args[0]), Path.of(args[1]));
                try {
                    URI a = cluster.get(0).base();
                    URI b = cluster.get(1).base();
                    String clusterAdmin = Bench.login(cluster.get(0), Bench.ADMIN_EMAIL, Bench.ADMIN_PASSWORD);
                    twoNodes = revocationTrials(wrk, List.of(a, b), a, b, clusterAdmin, valid);
                    twoNodesBack = revocationTrials(wrk, List.of(a, b), b, a, clusterAdmin, valid);
                } finally {
                    cluster.forEach(MicroServer::close);
                }
            }

            Wrk.Result bad = null;
            long scans = 0;
            if (scenarios.contains(5)) {
                System.out.println("[bench] 5: invalid tokens");
                long scansBefore = tokenScans(sql);
                bad = printed(
                        "invalid",
                        wrk.run(base, "random-token.lua", SECONDS, Map.of("TOKENS_FILE", invalid.toString())));
                scans = tokenScans(sql) - scansBefore;
            }

            if (scenarios.containsAll(List.of(1, 2, 3, 4, 5, 7))) {
                String section = section(
                        pings,
                        users,
                        writes,
                        logins,
                        List.of(oneNode, twoNodes, twoNodesBack),
                        bad,
                        scans,
                        introspectionPings,
                        introspections);
                System.out.println(section);
                Bench.writeSection(report, "authentication", section);
            }

            if (scenarios.contains(6)) {
                System.out.println("[bench] 6: GET /api/user alone vs during a login flood, taking turns");
                String section = loginFlood(wrk, base, valid);
                System.out.println(section);
                Bench.writeSection(report, "login-flood", section);
            }

            if (scenarios.contains(8)) {
                System.out.println("[bench] 8: an open endpoint vs a bare JAX-RS WAR on the same Micro, taking turns");
                String section = platform(wrk, base);
                System.out.println(section);
                Bench.writeSection(report, "platform", section);
            }
        }
    }

    /** The scenarios asked for with {@code -Dlanyard.bench.scenarios=6} (comma-separated); all by default. */
    private static Set<Integer> scenarios() {
        String asked = System.getProperty("lanyard.bench.scenarios", "").trim();
        if (asked.isEmpty()) {
            return Set.of(1, 2, 3, 4, 5, 6, 7, 8);
        }
        Set<Integer> scenarios = Arrays.stream(asked.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .collect(Collectors.toCollection(HashSet::new));
        // Scenario 2 counts the writes of scenario 1.
        if (scenarios.contains(2)) {
            scenarios.add(1);
        }
        return scenarios;
    }

    /**
     * Scenario 6: {@code GET /api/user} with random valid tokens, alone and while {@value #FLOOD_CLIENTS} clients
     * flood logins for random emails, in turns; the flood's answers by status.
     */
    private static String loginFlood(Wrk wrk, URI base, Map<String, String> valid) throws Exception {
        List<Wrk.Result> alone = new ArrayList<>();
        List<Wrk.Result> flooded = new ArrayList<>();
        Map<Integer, Long> answers = new TreeMap<>();
        // The login path warms up as the others did before their scenarios: a flood of its own, unmeasured.
        wrk.startLoginFlood(base, FLOOD_CLIENTS, FLOOD_INTERVAL, ROUND_SECONDS).awaitAnswers();
        for (int round = 0; round < ROUNDS; round++) {
            alone.add(printed("user alone", wrk.run(base, "random-token.lua", ROUND_SECONDS, valid)));
            var flood = wrk.startLoginFlood(base, FLOOD_CLIENTS, FLOOD_INTERVAL, ROUND_SECONDS + 2);
            // The flood's first second: the window's judged logins, then the gate and the throttle at work.
            Thread.sleep(1_000);
            flooded.add(printed("user flooded", wrk.run(base, "random-token.lua", ROUND_SECONDS, valid)));
            flood.awaitAnswers().forEach((status, count) -> answers.merge(status, count, Long::sum));
        }
        var calm = Wrk.Result.together(alone);
        var loaded = Wrk.Result.together(flooded);
        return """
                ## Login flood

                `mvn -q -DskipTests -Pbench-auth verify -Dlanyard.bench.scenarios=6`, %s, %s: `GET /api/user` with
                random valid tokens (wrk, 2 threads, 32 connections) alone, then while %d clients (a second wrk, one
                thread) each send a failed login for a new random email every %d ms from the same address, whatever
                the answer (%,d a second in all), in %d rounds of %d s taking turns, after one unmeasured flood.

                | scenario | measured | reference, same run | ratio | target |
                |---|---|---|---|---|
                | 6. `GET /api/user` during the login flood vs alone | %s | %s | %.2f× (rounds: %s) | ≥ 0.7× |

                The flood's answers by status: %s (0: no answer, -1: another status). Responses other than 2xx to `GET /api/user`: %d
                during the flood, %d alone. CPU/req is the server's CPU time over the window per `GET /api/user`
                answered, so during the flood it includes the server's work on the failed logins.
                """.formatted(
                        Bench.machine(),
                        LocalDate.now(),
                        FLOOD_CLIENTS,
                        FLOOD_INTERVAL.toMillis(),
                        FLOOD_CLIENTS * 1000 / FLOOD_INTERVAL.toMillis(),
                        ROUNDS,
                        ROUND_SECONDS,
                        figures(loaded),
                        figures(calm),
                        loaded.perSecond() / calm.perSecond(),
                        roundRatios(flooded, alone, Wrk.Result::perSecond),
                        answers,
                        loaded.non2xx(),
                        calm.non2xx());
    }

    /** 10,000 users with 10 tokens each, written straight into the database; their plain texts go to a file. */
    private static Path seed(Connection sql, Path file) throws SQLException, IOException {
        System.out.println("[bench] seeding " + TOKENS + " tokens across " + USERS + " users");
        Bench.execute(
                sql,
                "WITH owners AS (INSERT INTO token_owners (kind) SELECT 'user' FROM generate_series(1, "
                        + USERS + ") RETURNING id) INSERT INTO users (id, name, email, password_hash, created_at)"
                        + " SELECT id, 'Bench ' || id, 'bench-' || id || '@example.com', 'not a hash', now() FROM owners");
        List<Long> users = new ArrayList<>();
        try (var rows = sql.createStatement().executeQuery("SELECT id FROM users WHERE email LIKE 'bench-%'")) {
            while (rows.next()) {
                users.add(rows.getLong(1));
            }
        }
        var random = new SecureRandom();
        Map<String, String> secretsByHash = new HashMap<>();
        try (var insert = sql.prepareStatement("INSERT INTO access_tokens (owner_id, name, token_hash, abilities,"
                + " created_at) SELECT unnest(?::bigint[]), 'bench', unnest(?::text[]), '[\"*\"]', now()")) {
            for (int batch = 0; batch < TOKENS / 10_000; batch++) {
                Long[] owners = new Long[10_000];
                String[] hashes = new String[10_000];
                for (int i = 0; i < 10_000; i++) {
                    String secret = PlainTextToken.newSecret("lny_", random);
                    owners[i] = users.get((batch * 10_000 + i) % users.size());
                    hashes[i] = Hashes.sha256Hex(secret);
                    secretsByHash.put(hashes[i], secret);
                }
                insert.setArray(1, sql.createArrayOf("bigint", owners));
                insert.setArray(2, sql.createArrayOf("text", hashes));
                insert.executeUpdate();
            }
        }
        List<String> plain = new ArrayList<>();
        try (var rows =
                sql.createStatement().executeQuery("SELECT id, token_hash FROM access_tokens WHERE name = 'bench'")) {
            while (rows.next()) {
                plain.add(PlainTextToken.format(rows.getLong(1), secretsByHash.get(rows.getString(2))));
            }
        }
        Bench.execute(sql, "VACUUM ANALYZE access_tokens");
        return Files.write(file, plain);
    }

    /** Random strings and well-shaped tokens with a wrong checksum: none may cost a query. */
    private static Path invalidTokens(Path file) throws IOException {
        var random = new SecureRandom();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String secret = PlainTextToken.newSecret("lny_", random);
            String wrongChecksum = secret.substring(0, secret.length() - 8) + "00000000";
            tokens.add(i % 2 == 0 ? (i + 1) + "|" + wrongChecksum : Long.toHexString(random.nextLong()) + "garbage");
        }
        return Files.write(file, tokens);
    }

    /**
     * A user for each login caller: the login throttle counts attempts per email before judging them, so more
     * callers at once than {@code lanyard.login.max-attempts} on one email would be refused, not measured.
     */
    private static List<String> registerUsers(MicroServer server, int count) throws IOException, InterruptedException {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "bench-login-" + i + "-" + System.nanoTime() + "@example.com";
            Bench.send(HttpRequest.newBuilder(server.base().resolve("api/register"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench\",\"email\":\"" + email
                            + "\",\"password\":\"" + USER_PASSWORD + "\",\"password_confirmation\":\""
                            + USER_PASSWORD + "\"}")));
            emails.add(email);
        }
        return emails;
    }

    /** Logins with the users' emails and password, one user a caller, each starting the next as one answers. */
    private static ClosedLoop.Rate loginRate(MicroServer server, List<String> emails, int seconds)
            throws InterruptedException {
        var next = new AtomicInteger();
        ThreadLocal<String> email = ThreadLocal.withInitial(() -> emails.get(next.getAndIncrement() % emails.size()));
        return ClosedLoop.measure(LOGIN_WORKERS, seconds, () -> Bench.login(server, email.get(), USER_PASSWORD));
    }

    /** The reference rates the hashes the server makes: the server's settings must be the benchmark's. */
    private static void requireArgon2id(Connection sql, String email) throws SQLException {
        try (var select = sql.prepareStatement("SELECT password_hash FROM users WHERE email = ?")) {
            select.setString(1, email);
            try (var rows = select.executeQuery()) {
                String prefix = "$argon2id$v=19$" + ARGON2ID_PARAMETERS + "$";
                if (!rows.next() || !rows.getString(1).startsWith(prefix)) {
                    throw new IllegalStateException("the server's new hashes should begin with " + prefix);
                }
            }
        }
    }

    /**
     * The same password verified by argon2id (the server's parameters) or bcrypt ({@value #BCRYPT_COST}) alone, as
     * fast as the server's JVM can, with as many callers.
     */
    private static ClosedLoop.Rate hashRate(URI base, String algorithm, int seconds)
            throws IOException, InterruptedException {
        String settings = algorithm.equals("argon2id")
                ? "memory-kib=" + ARGON2_MEMORY_KIB + "&iterations=" + ARGON2_ITERATIONS + "&parallelism="
                        + ARGON2_PARALLELISM
                : "cost=" + BCRYPT_COST;
        var reply = Bench.send(HttpRequest.newBuilder(base.resolve(ReferenceWar.CONTEXT_ROOT + "/rate?algorithm="
                + algorithm + "&" + settings + "&workers=" + LOGIN_WORKERS + "&seconds=" + seconds + "&password="
                + URLEncoder.encode(USER_PASSWORD, StandardCharsets.UTF_8))));
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("the " + algorithm + " reference answered " + reply.statusCode());
        }
        String[] figures = reply.body().trim().split(" ");
        return new ClosedLoop.Rate(Long.parseLong(figures[0]), Double.parseDouble(figures[1]));
    }

    /** A round of scenario 3 and the CPU time the server's process spent meanwhile. */
    record Timed(ClosedLoop.Rate rate, Duration cpu) {

        interface Round {
            ClosedLoop.Rate run() throws IOException, InterruptedException;
        }

        static Timed on(MicroServer server, Round round) throws IOException, InterruptedException {
            Duration before = ProcessCpu.of(server.pid());
            ClosedLoop.Rate rate = round.run();
            return new Timed(rate, ProcessCpu.of(server.pid()).minus(before));
        }

        /** All rounds together, so a round that happened to be disturbed weighs no more than its share. */
        static Timed overall(List<Timed> rounds) {
            return new Timed(
                    new ClosedLoop.Rate(
                            rounds.stream()
                                    .mapToLong(timed -> timed.rate().calls())
                                    .sum(),
                            rounds.stream()
                                    .mapToDouble(timed -> timed.rate().seconds())
                                    .sum()),
                    rounds.stream().map(Timed::cpu).reduce(Duration.ZERO, Duration::plus));
        }

        double perSecond() {
            return rate.perSecond();
        }

        /** The server's CPU time a call, in milliseconds. */
        double cpuMillisPerCall() {
            return cpu.toNanos() / 1e6 / rate.calls();
        }
    }

    /** Scenario 3's rounds: logins, raw argon2id and raw bcrypt, in turns. */
    record Logins(List<Timed> logins, List<Timed> argon2id, List<Timed> bcrypt) {

        String rows() {
            var login = Timed.overall(logins);
            var argon2 = Timed.overall(argon2id);
            var bcrypt = Timed.overall(this.bcrypt);
            return """
                    | 3. `POST /api/login` (argon2id, %s) vs raw argon2id in the server's JVM, %d callers each | %,.2f logins/s, %.1f ms CPU a login | %,.2f verifications/s, %.1f ms CPU each | %.2f× (rounds: %s) | ≥ 0.8× |
                    | 3. for comparison: raw bcrypt (cost %d, the former default) in the server's JVM, %d callers | — | %,.2f verifications/s, %.1f ms CPU each | argon2id %.2f× bcrypt's rate | — |
                    """.formatted(
                    ARGON2ID_PARAMETERS,
                    LOGIN_WORKERS,
                    login.perSecond(),
                    login.cpuMillisPerCall(),
                    argon2.perSecond(),
                    argon2.cpuMillisPerCall(),
                    login.perSecond() / argon2.perSecond(),
                    roundRatios(logins, argon2id, Timed::perSecond),
                    BCRYPT_COST,
                    LOGIN_WORKERS,
                    bcrypt.perSecond(),
                    bcrypt.cpuMillisPerCall(),
                    argon2.perSecond() / bcrypt.perSecond()).strip();
        }
    }

    /** Each round's ratio of measured to reference, to show how much they moved. */
    private static <T> String roundRatios(List<T> measured, List<T> reference, ToDoubleFunction<T> rate) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ratios.add("%.2f×".formatted(rate.applyAsDouble(measured.get(i)) / rate.applyAsDouble(reference.get(i))));
        }
        return String.join(", ", ratios);
    }

    /**
     * Trials of: create a token on {@code revoker}, use it twice on {@code user} (so a cache there holds it),
     * revoke it on {@code revoker}, use it on {@code user} again; while wrk keeps authenticating other tokens on
     * every node in {@code loaded}. How many of the last uses were accepted, and how long each revocation took to
     * answer.
     */
    private static Revocations revocationTrials(
            Wrk wrk, List<URI> loaded, URI revoker, URI user, String admin, Map<String, String> valid)
            throws Exception {
        List<Process> load = new ArrayList<>();
        for (URI node : loaded) {
            load.add(wrk.startBackground(node, "random-token.lua", valid));
        }
        try {
            long stale = 0;
            List<Long> revokeMicros = new ArrayList<>();
            for (int i = 0; i < REVOCATION_TRIALS; i++) {
                var created = Bench.send(HttpRequest.newBuilder(revoker.resolve("api/tokens"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"trial\"}")));
                String token = created.body().replaceFirst(".*\"plain_text_token\":\"([^\"]+)\".*", "$1");
                String id = token.substring(0, token.indexOf('|'));
                int before = Math.max(status(user, token), status(user, token));
                long started = System.nanoTime();
                var revoked = Bench.send(HttpRequest.newBuilder(revoker.resolve("api/tokens/" + id))
                        .header("Authorization", "Bearer " + admin)
                        .DELETE());
                revokeMicros.add((System.nanoTime() - started) / 1_000);
                int after = status(user, token);
                if (before != 200 || revoked.statusCode() != 200) {
                    throw new IllegalStateException(
                            "a fresh token answered " + before + ", its revocation " + revoked.statusCode());
                }
                if (after != 401) {
                    stale++;
                }
            }
            revokeMicros.sort(null);
            var revocations = new Revocations(
                    REVOCATION_TRIALS,
                    stale,
                    revokeMicros.get(revokeMicros.size() / 2) / 1000.0,
                    revokeMicros.get(revokeMicros.size() * 99 / 100) / 1000.0);
            System.out.println("[bench]    " + revocations);
            return revocations;
        } finally {
            for (Process process : load) {
                process.destroy();
                process.waitFor();
            }
        }
    }

    /** Scenario 4's figures for one way of revoking: stale accepts, and the revocation's answer time. */
    record Revocations(int trials, long stale, double p50Millis, double p99Millis) {
        String row(String where) {
            return "| 4. revoke, then use, %s, %,d trials under load | %d stale accepts | %,d trials | revoke answered in p50 %.1f ms, p99 %.1f ms | 0 |"
                    .formatted(where, trials, stale, trials, p50Millis, p99Millis);
        }
    }

    private static int status(URI base, String token) throws IOException, InterruptedException {
        return Bench.send(HttpRequest.newBuilder(base.resolve("api/user")).header("Authorization", "Bearer " + token))
                .statusCode();
    }

    /**
     * The {@code last_used_at} writes, counted by a trigger the benchmark adds to its own database: exact, where
     * PostgreSQL's table statistics would lag (see {@link #tokenScans}).
     */
    private static void countWrites(Connection sql) throws SQLException {
        Bench.execute(sql, "CREATE TABLE bench_token_writes (id bigserial PRIMARY KEY, token_id bigint NOT NULL)");
        Bench.execute(
                sql,
                "CREATE FUNCTION bench_count_write() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN INSERT INTO bench_token_writes (token_id) VALUES (NEW.id); RETURN NEW; END $$");
        Bench.execute(
                sql,
                "CREATE TRIGGER bench_count_write AFTER UPDATE OF last_used_at ON access_tokens"
                        + " FOR EACH ROW EXECUTE FUNCTION bench_count_write()");
    }

    /** The last write counted, once the server has written the uses it had noted (it does so every second). */
    private static long lastWrite(Connection sql) throws SQLException, InterruptedException {
        Thread.sleep(WRITER_DELAY.toMillis());
        return Bench.number(sql, "SELECT coalesce(max(id), 0) FROM bench_token_writes");
    }

    /** Writes since a count, and to how many tokens: at most one per token is the target. */
    record Writes(long writes, long tokens, long mostForOneToken) {
        static Writes since(Connection sql, long before) throws SQLException, InterruptedException {
            long after = lastWrite(sql);
            String window = " FROM bench_token_writes WHERE id > " + before + " AND id <= " + after;
            return new Writes(
                    Bench.number(sql, "SELECT count(*)" + window),
                    Bench.number(sql, "SELECT count(DISTINCT token_id)" + window),
                    Bench.number(
                            sql,
                            "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n" + window
                                    + " GROUP BY token_id) AS per_token"));
        }
    }

    /**
     * Index and table scans of the token table so far. PostgreSQL 14 holds an idle connection's last half second
     * of statistics until the connection is used again or closes, so the server's idle connections are closed
     * first (its pool opens new ones); only scenario 5, which needs none, comes between two readings.
     */
    private static long tokenScans(Connection sql) throws SQLException, InterruptedException {
        Thread.sleep(WRITER_DELAY.toMillis());
        Bench.execute(
                sql,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lanyard'"
                        + " AND state = 'idle'");
        Thread.sleep(1_000);
        Bench.execute(sql, "SELECT pg_stat_clear_snapshot()");
        return Bench.number(
                sql,
                "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables"
                        + " WHERE relname = 'access_tokens'");
    }

    /**
     * Scenario 8: Lanyard's {@code GET /api/ping} and the bare WAR's, taking turns: what Lanyard adds to a request
     * over Payara's own work, and what Payara's own work costs on the settings Lanyard ships.
     */
    private static String platform(Wrk wrk, URI base) throws IOException, InterruptedException {
        List<Wrk.Result> pings = new ArrayList<>();
        List<Wrk.Result> bares = new ArrayList<>();
        URI bareUri = base.resolve(BareWar.CONTEXT_ROOT + "/api/ping");
        for (int round = 0; round < ROUNDS; round++) {
            pings.add(printed("ping", wrk.run(base.resolve("api/ping"), "plain.lua", ROUND_SECONDS, Map.of())));
            bares.add(printed("bare", wrk.run(bareUri, "plain.lua", ROUND_SECONDS, Map.of())));
        }
        var ping = Wrk.Result.together(pings);
        var bare = Wrk.Result.together(bares);
        return """
                ## Payara's own cost of a request

                `mvn -q -DskipTests -Pbench-auth verify -Dlanyard.bench.scenarios=8`, %s, %s: Lanyard's `GET /api/ping` and
                the same answer from a bare JAX-RS WAR (one resource, no filter, no descriptor) deployed beside it on the
                same Payara Micro with the settings Lanyard ships (`payara-micro-preboot.asadmin`), wrk with 2 threads and
                32 connections, %d rounds of %d s taking turns. CPU/req: the server process's CPU time over each window,
                per request.

                | scenario | measured | reference, same run | ratio of CPU/req | target |
                |---|---|---|---|---|
                | 8. `GET /api/ping` vs the bare WAR's `GET` | %s | %s | %.2f× (rounds: %s) | ping ≤ 0.25 ms CPU/req |

                Responses other than 2xx: ping %d, bare WAR %d.
                """.formatted(
                        Bench.machine(),
                        LocalDate.now(),
                        ROUNDS,
                        ROUND_SECONDS,
                        figures(ping),
                        figures(bare),
                        ping.cpuPerRequest() / bare.cpuPerRequest(),
                        roundRatios(pings, bares, Wrk.Result::cpuPerRequest),
                        ping.non2xx(),
                        bare.non2xx());
    }

    /**
     * An API client allowed to introspect, as a resource server is, created by the bootstrap admin; its token, once
     * it has introspected one of the benchmark's tokens as active.
     */
    private static String introspector(MicroServer server, String sample) throws IOException, InterruptedException {
        String admin = Bench.login(server, Bench.ADMIN_EMAIL, Bench.ADMIN_PASSWORD);
        var created = Bench.send(HttpRequest.newBuilder(server.base().resolve("api/admin/clients"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"bench introspector\",\"abilities\":[\"introspect\"]}")));
        String token = created.body().replaceFirst(".*\"token\":\"([^\"]+)\".*", "$1");
        var answer = Bench.send(HttpRequest.newBuilder(server.base().resolve("api/oauth/introspect"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "token=" + URLEncoder.encode(sample, StandardCharsets.UTF_8))));
        if (answer.statusCode() != 200 || !answer.body().contains("\"active\":true")) {
            throw new IllegalStateException(
                    "introspection of a valid token answered " + answer.statusCode() + " " + answer.body());
        }
        return token;
    }

    /** A window's figures as it ends, so that a run of a few scenarios shows them too. */
    private static Wrk.Result printed(String what, Wrk.Result result) {
        System.out.printf(
                "[bench] %s: %,.0f req/s, %.2f ms CPU/req (p50 %.1f ms, p99 %.1f ms, %d not 2xx)%n",
                what,
                result.perSecond(),
                result.cpuPerRequest(),
                result.p50() / 1000.0,
                result.p99() / 1000.0,
                result.non2xx());
        return result;
    }

    private static String rate(Wrk.Result result) {
        return "%,.0f req/s, %.2f ms CPU/req".formatted(result.perSecond(), result.cpuPerRequest());
    }

    private static String figures(Wrk.Result result) {
        return "%s (p50 %.1f ms, p99 %.1f ms)".formatted(rate(result), result.p50() / 1000.0, result.p99() / 1000.0);
    }

    private static String section(
            List<Wrk.Result> pings,
            List<Wrk.Result> users,
            Writes writes,
            Logins logins,
            List<Revocations> revocations,
            Wrk.Result bad,
            long scans,
            List<Wrk.Result> introspectionPings,
            List<Wrk.Result> introspections) {
        var ping = Wrk.Result.together(pings);
        var user = Wrk.Result.together(users);
        var introspectionPing = Wrk.Result.together(introspectionPings);
        var introspection = Wrk.Result.together(introspections);
        return """
                ## Authentication

                `mvn -q -DskipTests -Pbench-auth verify`, %s, %s: Payara Micro and PostgreSQL on this machine,
                %,d live tokens across %,d users, wrk with 2 threads and 32 connections on loopback. Warm-up: %d s each of
                ping, the bare WAR and random tokens, every token once, then %d unmeasured rounds of scenario 1. Scenario 1
                runs in %d rounds of %d s, scenario 3 in %d rounds of %d s (bcrypt's of %d s), each round taking turns with
                its reference, and count all rounds together (latencies: the median round's); scenario 7 likewise, after
                them; scenario 5 runs for %d s. CPU/req: the server
                process's CPU time (user and system, all threads, from `/proc/<pid>/stat`) over each window, per request.

                | scenario | measured | reference, same run | ratio | target |
                |---|---|---|---|---|
                | 1. `GET /api/user`, random valid tokens, vs `GET /api/ping` | %s | %s | %.2f× (rounds: %s) | ≥ 0.9×, ≤ 0.3 ms CPU/req |
                | 2. `last_used_at` writes during scenario 1 (all its rounds within one 60 s window) | %,d writes | %,d tokens written | %.2f per token, at most %d for one | ≤ 1 per token per 60 s window |
                %s
                %s
                %s
                %s
                | 5. invalid tokens (bad checksums, random strings) vs valid | %s, %,d statements on the token table | %s | %.2f× | ≥ 1×, 0 statements |
                | 7. `POST /api/oauth/introspect` (RFC 7662) of random valid tokens by a client, vs `GET /api/ping` | %s | %s | %.2f× (rounds: %s) | ≥ 0.9× |

                Responses other than 2xx: scenario 1 %d (ping %d), scenario 5 %d of %d (all should be 401), scenario 7
                %d (ping %d); in scenario 3 every login answered 200 (one that does not stops the benchmark).
                """.formatted(
                        Bench.machine(),
                        LocalDate.now(),
                        TOKENS,
                        USERS,
                        WARM_UP_SECONDS,
                        WARM_UP_ROUNDS,
                        ROUNDS,
                        ROUND_SECONDS,
                        ROUNDS,
                        LOGIN_ROUND_SECONDS,
                        ROUND_SECONDS,
                        SECONDS,
                        figures(user),
                        figures(ping),
                        user.perSecond() / ping.perSecond(),
                        roundRatios(users, pings, Wrk.Result::perSecond),
                        writes.writes(),
                        writes.tokens(),
                        (double) writes.writes() / Math.max(1, writes.tokens()),
                        writes.mostForOneToken(),
                        logins.rows().strip(),
                        revocations.get(0).row("one node"),
                        revocations.get(1).row("on node A, used on node B"),
                        revocations.get(2).row("on node B, used on node A"),
                        rate(bad),
                        scans,
                        rate(user),
                        bad.perSecond() / user.perSecond(),
                        figures(introspection),
                        figures(introspectionPing),
                        introspection.perSecond() / introspectionPing.perSecond(),
                        roundRatios(introspections, introspectionPings, Wrk.Result::perSecond),
                        user.non2xx(),
                        ping.non2xx(),
                        bad.non2xx(),
                        bad.requests(),
                        introspection.non2xx(),
                        introspectionPing.non2xx());
    }
}
