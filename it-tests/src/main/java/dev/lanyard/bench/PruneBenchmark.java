package dev.lanyard.bench;

import dev.lanyard.devserver.Database;
import dev.lanyard.devserver.MicroServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Prunes 1,000,000 expired tokens among 100,000 live ones through Lanyard (batched, the admin endpoint) and,
 * in the same run, deletes the same rows from an identical copy of the table with one raw {@code DELETE}, in
 * {@value #ROUNDS} rounds on freshly seeded tables, the two sides taking turns at going first; then writes every
 * round's times and the median ratio to BENCHMARKS.md. One timing of each side had read 1.75× to 2.38× on one
 * machine. Arguments: the Payara Micro jar, the WAR, the path of BENCHMARKS.md.
 */
public final class PruneBenchmark {

    private static final int ROUNDS = 3;
    private static final int LIVE = 100_000;
    private static final int EXPIRED = 1_000_000;
    private static final String PRUNABLE =
            "expires_at < now() - interval '24 hours'" + " OR created_at < now() - interval '30 days 24 hours'";

    private PruneBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[2]);
        try (Database database = Database.fromEnvironmentOrEmbedded("LANYARD_TEST_DB", Optional.empty());
                MicroServer server =
                        Bench.startServer(database, Path.of(args[0]), Path.of(args[1]), List.of(), List.of());
                Connection connection = database.connect()) {
            String adminToken = Bench.login(server, Bench.ADMIN_EMAIL, Bench.ADMIN_PASSWORD);
            List<Round> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                seed(connection);
                long lanyardMillis;
                long rawMillis;
                // Whichever goes second finds the other's work in the machine's caches: each side goes first in turn.
                if (round % 2 == 0) {
                    lanyardMillis = time(() -> prune(server, adminToken));
                    rawMillis = time(() -> deleteRaw(connection));
                } else {
                    rawMillis = time(() -> deleteRaw(connection));
                    lanyardMillis = time(() -> prune(server, adminToken));
                }
                rounds.add(new Round(
                        lanyardMillis,
                        rawMillis,
                        count(connection, "access_tokens"),
                        count(connection, "access_tokens_copy")));
                System.out.println("[bench] round " + (round + 1) + ": " + rounds.get(round));
            }
            Bench.execute(connection, "DROP TABLE access_tokens_copy");
            String section = report(rounds);
            System.out.println(section);
            Bench.writeSection(report, "pruning", section);
        }
    }

    /** One round's times, and the seeded tokens each table kept. */
    private record Round(long lanyardMillis, long rawMillis, long left, long leftInCopy) {
        double ratio() {
            return (double) lanyardMillis / Math.max(1, rawMillis);
        }
    }

    private static void deleteRaw(Connection connection) throws SQLException {
        Bench.execute(connection, "DELETE FROM access_tokens_copy WHERE " + PRUNABLE);
    }

    private static void seed(Connection connection) throws SQLException {
        System.out.println("[bench] seeding " + LIVE + " live and " + EXPIRED + " expired tokens");
        Bench.execute(connection, "DELETE FROM access_tokens WHERE name IN ('live', 'expired')");
        Bench.execute(connection, "DROP TABLE IF EXISTS access_tokens_copy");
        long owner = Bench.number(connection, "SELECT id FROM users WHERE lower(email) = '" + Bench.ADMIN_EMAIL + "'");
        Bench.execute(
                connection,
                "INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at,"
                        + " expires_at) SELECT " + owner
                        + ", 'live', md5('live' || i) || md5(i::text), '[\"*\"]', now(),"
                        + " NULL FROM generate_series(1, " + LIVE + ") i");
        Bench.execute(
                connection,
                "INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at,"
                        + " expires_at) SELECT " + owner
                        + ", 'expired', md5('expired' || i) || md5(i::text), '[\"*\"]',"
                        + " now() - interval '3 days', now() - interval '2 days' FROM generate_series(1, " + EXPIRED
                        + ") i");
        Bench.execute(connection, "CREATE TABLE access_tokens_copy (LIKE access_tokens INCLUDING ALL)");
        Bench.execute(connection, "INSERT INTO access_tokens_copy OVERRIDING SYSTEM VALUE SELECT * FROM access_tokens");
        Bench.execute(connection, "VACUUM ANALYZE access_tokens");
        Bench.execute(connection, "VACUUM ANALYZE access_tokens_copy");
    }

    private static void prune(MicroServer server, String adminToken) throws IOException, InterruptedException {
        var reply = Bench.send(HttpRequest.newBuilder(server.base().resolve("api/admin/tokens/prune?hours=24"))
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
        System.out.println("[bench] Lanyard answered " + reply.statusCode() + " " + reply.body());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("pruning failed: " + reply.body());
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long time(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long count(Connection connection, String table) throws SQLException {
        return Bench.number(connection, "SELECT count(*) FROM " + table + " WHERE name IN ('live', 'expired')");
    }

    private static String report(List<Round> rounds) {
        List<Round> byRatio =
                rounds.stream().sorted(Comparator.comparingDouble(Round::ratio)).toList();
        Round median = byRatio.get(byRatio.size() / 2);
        var table = new StringBuilder();
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            table.append("| %d (%s first) | %,d ms | %,d ms | %.2f× | %,d / %,d |%n"
                    .formatted(
                            i + 1,
                            i % 2 == 0 ? "Lanyard" : "raw",
                            round.lanyardMillis(),
                            round.rawMillis(),
                            round.ratio(),
                            round.left(),
                            round.leftInCopy()));
        }
        return """
                ## Pruning expired tokens

                `mvn -q -DskipTests -Pbench-prune verify`, %s, %s: %,d expired tokens among %,d live ones,
                PostgreSQL, indexes as migrated, in %d rounds on freshly seeded tables, the two sides taking turns
                at going first. Lanyard: `POST /api/admin/tokens/prune?hours=24` (slices of 256 pages, about 10,000
                tokens, each its own transaction). Reference: one raw `DELETE ... WHERE` of the same rows on an
                identical copy of the table.

                | round | Lanyard | raw `DELETE` | ratio | seeded tokens left (both should be %,d) |
                |---|---|---|---|---|
                %s
                **Median ratio: %.2f×** (target ≤ 2×).
                """.formatted(Bench.machine(), LocalDate.now(), EXPIRED, LIVE, ROUNDS, LIVE, table, median.ratio());
    }
}
