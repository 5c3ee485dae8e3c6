package dev.lanyard.bench;

import dev.lanyard.bench.reference.ClosedLoop;
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
 * open endpoint, last_used_at writes, login vs raw argon2id, revocation under load, invalid tokens, and the API
 * during a login flood. Arguments: the Payara Micro jar, the WAR, the path of BENCHMARKS.md, a working directory.
 * The system property {@code lanyard.bench.scenarios} (e.g. {@code 6}, or {@code 1,3}) runs only those scenarios;
 * the section of scenarios 1 to 5 is written only when all of them ran.
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
    private static final String ARGON2ID_PARAMETERS = "m=%d,t=%d,p=%d".formatted(ARGON2_MEMORY_KIB,
            ARGON2_ITERATIONS, ARGON2_PARALLELISM);
    private static final int BCRYPT_COST = 12;
    // Scenarios 1 and 3 take turns with their reference, so a neighbour's load on a shared machine hits both.
    private static final int ROUNDS = 3;
    private static final int ROUND_SECONDS = 10;
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

    private AuthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        Wrk wrk = Wrk.prepare(work.resolve("scripts"));
        try (Database database = Database.fromEnvironmentOrEmbedded("LANYARD_TEST_DB", Optional.empty());
                MicroServer server = Bench.startServer(database, Path.of(args[0]), Path.of(args[1]), List.of(),
                        List.of("--deploy", ReferenceWar.write(Path.of(args[1]), work).toString()));
                Connection sql = database.connect()) {
            Path tokens = seed(sql, work.resolve("tokens.txt"));
            countWrites(sql);
            Path invalid = invalidTokens(work.resolve("invalid-tokens.txt"));
            URI base = server.base();
            Map<String, String> valid = Map.of("TOKENS_FILE", tokens.toString());

            Set<Integer> scenarios = scenarios();
            System.out.println("[bench] warming up");
            wrk.run(base.resolve("api/ping"), "plain.lua", 10, Map.of());
            wrk.run(base, "random-token.lua", 10, valid);

            List<Wrk.Result> pings = new ArrayList<>();
            List<Wrk.Result> users = new ArrayList<>();
            Writes writes = null;
            if (scenarios.contains(1)) {
                System.out.println("[bench] 1: bearer authentication vs an open endpoint, taking turns");
                long writesBefore = lastWrite(sql);
                for (int round = 0; round < ROUNDS; round++) {
                    pings.add(wrk.run(base.resolve("api/ping"), "plain.lua", ROUND_SECONDS, Map.of()));
                    if (round == ROUNDS - 1) {
                        Bench.recordProfileIfAsked(server, ROUND_SECONDS);
                    }
                    users.add(wrk.run(base, "random-token.lua", ROUND_SECONDS, valid));
                }
                writes = Writes.since(sql, writesBefore);
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
                    logins.logins().add(Timed.on(server, () -> loginRate(server, emails, ROUND_SECONDS)));
                    logins.argon2id().add(Timed.on(server, () -> hashRate(base, "argon2id", ROUND_SECONDS)));
                    logins.bcrypt().add(Timed.on(server, () -> hashRate(base, "bcrypt", ROUND_SECONDS)));
                }
                System.out.println(logins.rows());
            }

            long stale = 0;
            if (scenarios.contains(4)) {
                System.out.println("[bench] 4: revocation under load");
                stale = revocationTrials(server, wrk, base, valid);
            }

            Wrk.Result bad = null;
            long scans = 0;
            if (scenarios.contains(5)) {
                System.out.println("[bench] 5: invalid tokens");
                long scansBefore = tokenScans(sql);
                bad = wrk.run(base, "random-token.lua", SECONDS, Map.of("TOKENS_FILE", invalid.toString()));
                scans = tokenScans(sql) - scansBefore;
            }

            if (scenarios.containsAll(List.of(1, 2, 3, 4, 5))) {
                String section = section(pings, users, writes, logins, stale, bad, scans);
                System.out.println(section);
                Bench.writeSection(report, "authentication", section);
            }

            if (scenarios.contains(6)) {
                System.out.println("[bench] 6: GET /api/user alone vs during a login flood, taking turns");
                String section = loginFlood(wrk, base, valid);
                System.out.println(section);
                Bench.writeSection(report, "login-flood", section);
            }
        }
    }

    /** The scenarios asked for with {@code -Dlanyard.bench.scenarios=6} (comma-separated); all by default. */
    private static Set<Integer> scenarios() {
        String asked = System.getProperty("lanyard.bench.scenarios", "").trim();
        if (asked.isEmpty()) {
            return Set.of(1, 2, 3, 4, 5, 6);
        }
        Set<Integer> scenarios = Arrays.stream(asked.split(",")).map(String::trim).map(Integer::valueOf)
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
            alone.add(wrk.run(base, "random-token.lua", ROUND_SECONDS, valid));
            var flood = wrk.startLoginFlood(base, FLOOD_CLIENTS, FLOOD_INTERVAL, ROUND_SECONDS + 2);
            // The flood's first second: the window's judged logins, then the gate and the throttle at work.
            Thread.sleep(1_000);
            flooded.add(wrk.run(base, "random-token.lua", ROUND_SECONDS, valid));
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
                | 6. `GET /api/user` during the login flood vs alone | %,.0f req/s (p50 %.1f ms, p99 %.1f ms) | %,.0f req/s (p50 %.1f ms, p99 %.1f ms) | %.2f× (rounds: %s) | ≥ 0.7× |

                The flood's answers by status: %s (0: no answer, -1: another status). Responses other than 2xx to `GET /api/user`: %d
                during the flood, %d alone.
                """.formatted(Bench.machine(), LocalDate.now(), FLOOD_CLIENTS, FLOOD_INTERVAL.toMillis(),
                FLOOD_CLIENTS * 1000 / FLOOD_INTERVAL.toMillis(), ROUNDS, ROUND_SECONDS,
                loaded.perSecond(), loaded.p50() / 1000.0, loaded.p99() / 1000.0,
                calm.perSecond(), calm.p50() / 1000.0, calm.p99() / 1000.0, loaded.perSecond() / calm.perSecond(),
                roundRatios(flooded, alone, Wrk.Result::perSecond), answers, loaded.non2xx(), calm.non2xx());
    }

    /** 10,000 users with 10 tokens each, written straight into the database; their plain texts go to a file. */
    private static Path seed(Connection sql, Path file) throws SQLException, IOException {
        System.out.println("[bench] seeding " + TOKENS + " tokens across " + USERS + " users");
        Bench.execute(sql, "WITH owners AS (INSERT INTO token_owners (kind) SELECT 'user' FROM generate_series(1, "
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
                    hashes[i] = PlainTextToken.sha256Hex(secret);
                    secretsByHash.put(hashes[i], secret);
                }
                insert.setArray(1, sql.createArrayOf("bigint", owners));
                insert.setArray(2, sql.createArrayOf("text", hashes));
                insert.executeUpdate();
            }
        }
        List<String> plain = new ArrayList<>();
        try (var rows = sql.createStatement().executeQuery("SELECT id, token_hash FROM access_tokens WHERE name = 'bench'")) {
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
            return new Timed(new ClosedLoop.Rate(rounds.stream().mapToLong(timed -> timed.rate().calls()).sum(),
                    rounds.stream().mapToDouble(timed -> timed.rate().seconds()).sum()),
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
                    """.formatted(ARGON2ID_PARAMETERS, LOGIN_WORKERS, login.perSecond(), login.cpuMillisPerCall(),
                    argon2.perSecond(), argon2.cpuMillisPerCall(), login.perSecond() / argon2.perSecond(),
                    roundRatios(logins, argon2id, Timed::perSecond), BCRYPT_COST, LOGIN_WORKERS, bcrypt.perSecond(),
                    bcrypt.cpuMillisPerCall(), argon2.perSecond() / bcrypt.perSecond()).strip();
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

    /** Create a token, use it, revoke it, use it again, while wrk keeps authenticating other tokens. */
    private static long revocationTrials(MicroServer server, Wrk wrk, URI base, Map<String, String> valid)
            throws Exception {
        String admin = Bench.login(server, Bench.ADMIN_EMAIL, Bench.ADMIN_PASSWORD);
        Process load = wrk.startBackground(base, "random-token.lua", valid);
        try {
            return staleAccepts(base, admin);
        } finally {
            load.destroy();
            load.waitFor();
        }
    }

    private static long staleAccepts(URI base, String admin) throws IOException, InterruptedException {
        long stale = 0;
        for (int i = 0; i < REVOCATION_TRIALS; i++) {
            var created = Bench.send(HttpRequest.newBuilder(base.resolve("api/tokens"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"trial\"}")));
            String token = created.body().replaceFirst(".*\"plain_text_token\":\"([^\"]+)\".*", "$1");
            String id = token.substring(0, token.indexOf('|'));
            int before = status(base, token);
            Bench.send(HttpRequest.newBuilder(base.resolve("api/tokens/" + id))
                    .header("Authorization", "Bearer " + admin).DELETE());
            int after = status(base, token);
            if (before != 200) {
                throw new IllegalStateException("a fresh token was refused: " + before);
            }
            if (after != 401) {
                stale++;
            }
        }
        return stale;
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
        Bench.execute(sql, "CREATE FUNCTION bench_count_write() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN INSERT INTO bench_token_writes (token_id) VALUES (NEW.id); RETURN NEW; END $$");
        Bench.execute(sql, "CREATE TRIGGER bench_count_write AFTER UPDATE OF last_used_at ON access_tokens"
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
            return new Writes(Bench.number(sql, "SELECT count(*)" + window),
                    Bench.number(sql, "SELECT count(DISTINCT token_id)" + window),
                    Bench.number(sql, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n" + window
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
        Bench.execute(sql, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lanyard'"
                + " AND state = 'idle'");
        Thread.sleep(1_000);
        Bench.execute(sql, "SELECT pg_stat_clear_snapshot()");
        return Bench.number(sql, "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables"
                + " WHERE relname = 'access_tokens'");
    }

    private static String section(List<Wrk.Result> pings, List<Wrk.Result> users, Writes writes,
            Logins logins, long stale, Wrk.Result bad, long scans) {
        var ping = Wrk.Result.together(pings);
        var user = Wrk.Result.together(users);
        return """
                ## Authentication

                `mvn -q -DskipTests -Pbench-auth verify`, %s, %s: Payara Micro and PostgreSQL on this machine,
                %,d live tokens across %,d users, wrk with 2 threads and 32 connections on loopback. Scenarios 1 and 3 run
                in %d rounds of %d s, each round taking turns with its reference, and count all rounds together (latencies:
                the median round's); scenario 5 runs for %d s.

                | scenario | measured | reference, same run | ratio | target |
                |---|---|---|---|---|
                | 1. `GET /api/user`, random valid tokens, vs `GET /api/ping` | %,.0f req/s (p50 %.1f ms, p99 %.1f ms) | %,.0f req/s (p50 %.1f ms, p99 %.1f ms) | %.2f× (rounds: %s) | ≥ 0.9× |
                | 2. `last_used_at` writes during scenario 1 (all its rounds within one 60 s window) | %,d writes | %,d tokens written | %.2f per token, at most %d for one | ≤ 1 per token per 60 s window |
                %s
                | 4. revoke, then use, %,d trials under load | %d stale accepts | %d trials | — | 0 |
                | 5. invalid tokens (bad checksums, random strings) vs valid | %,.0f req/s, %,d statements on the token table | %,.0f req/s | %.2f× | ≥ 1×, 0 statements |

                Responses other than 2xx: scenario 1 %d (ping %d), scenario 5 %d of %d (all should be 401); in scenario 3
                every login answered 200 (one that does not stops the benchmark).
                """.formatted(Bench.machine(), LocalDate.now(), TOKENS, USERS, ROUNDS, ROUND_SECONDS, SECONDS,
                user.perSecond(), user.p50() / 1000.0, user.p99() / 1000.0,
                ping.perSecond(), ping.p50() / 1000.0, ping.p99() / 1000.0, user.perSecond() / ping.perSecond(),
                roundRatios(users, pings, Wrk.Result::perSecond),
                writes.writes(), writes.tokens(), (double) writes.writes() / Math.max(1, writes.tokens()),
                writes.mostForOneToken(),
                logins.rows(),
                REVOCATION_TRIALS, stale, REVOCATION_TRIALS,
                bad.perSecond(), scans, user.perSecond(), bad.perSecond() / user.perSecond(),
                user.non2xx(), ping.non2xx(), bad.non2xx(), bad.requests());
    }
}
