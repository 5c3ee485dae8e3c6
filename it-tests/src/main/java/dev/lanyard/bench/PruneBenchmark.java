package dev.lanyard.bench;

import dev.lanyard.devserver.Database;
import dev.lanyard.devserver.MicroServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Prunes 1,000,000 expired tokens among 100,000 live ones through Lanyard (batched, the admin endpoint) and,
 * in the same run, deletes the same rows from an identical copy of the table with one raw {@code DELETE},
 * then writes both times and their ratio to BENCHMARKS.md. Arguments: the Payara Micro jar, the WAR, the
 * path of BENCHMARKS.md.
 */
public final class PruneBenchmark {

    private static final int LIVE = 100_000;
    private static final int EXPIRED = 1_000_000;
    private static final String PRUNABLE = "expires_at < now() - interval '24 hours'"
            + " OR created_at < now() - interval '30 days 24 hours'";

    private PruneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[2]);
        try (Database database = Database.fromEnvironmentOrEmbedded("LANYARD_TEST_DB", Optional.empty());
                MicroServer server = Bench.startServer(database, Path.of(args[0]), Path.of(args[1]), List.of(),
                        List.of());
                Connection connection = database.connect()) {
            String adminToken = Bench.login(server, Bench.ADMIN_EMAIL, Bench.ADMIN_PASSWORD);
            seed(connection);
            long lanyardMillis = time(() -> prune(server, adminToken));
            long rawMillis = time(() -> Bench.execute(connection, "DELETE FROM access_tokens_copy WHERE " + PRUNABLE));
            long left = count(connection, "access_tokens");
            long leftInCopy = count(connection, "access_tokens_copy");
            Bench.execute(connection, "DROP TABLE access_tokens_copy");
            String section = report(lanyardMillis, rawMillis, left, leftInCopy);
            System.out.println(section);
            Bench.writeSection(report, "pruning", section);
        }
    }

    private static void seed(Connection connection) throws SQLException {
        System.out.println("[bench] seeding " + LIVE + " live and " + EXPIRED + " expired tokens");
        long owner = Bench.number(connection, "SELECT id FROM users WHERE lower(email) = '" + Bench.ADMIN_EMAIL + "'");
        Bench.execute(connection, "INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at,"
                + " expires_at) SELECT " + owner + ", 'live', md5('live' || i) || md5(i::text), '[\"*\"]', now(),"
                + " NULL FROM generate_series(1, " + LIVE + ") i");
        Bench.execute(connection, "INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at,"
                + " expires_at) SELECT " + owner + ", 'expired', md5('expired' || i) || md5(i::text), '[\"*\"]',"
                + " now() - interval '3 days', now() - interval '2 days' FROM generate_series(1, " + EXPIRED + ") i");
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

    private static String report(long lanyardMillis, long rawMillis, long left, long leftInCopy) {
        double ratio = (double) lanyardMillis / Math.max(1, rawMillis);
        return """
                ## Pruning expired tokens

                `mvn -q -DskipTests -Pbench-prune verify`, %s, %s: %,d expired tokens among %,d live ones,
                PostgreSQL, indexes as migrated.

                | what | time |
                |---|---|
                | Lanyard: `POST /api/admin/tokens/prune?hours=24` (slices of 256 pages, about 10,000 tokens, each its own transaction) | %,d ms |
                | reference: one raw `DELETE ... WHERE` of the same rows on an identical copy of the table | %,d ms |
                | **ratio** (target ≤ 2×) | **%.2f×** |

                Seeded tokens left afterwards: %,d in Lanyard's table, %,d in the copy (both should be %,d).
                """.formatted(Bench.machine(), LocalDate.now(), EXPIRED, LIVE, lanyardMillis, rawMillis, ratio, left,
                leftInCopy, LIVE);
    }
}
