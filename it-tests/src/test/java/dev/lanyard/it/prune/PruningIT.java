package dev.lanyard.it.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pruning over HTTP on PostgreSQL. The suite's token lifetime is 60 minutes, so with {@code hours=2} the
 * boundaries are Sanctum's: created 180 minutes ago, expired 120 minutes ago. Tokens with chosen timestamps
 * are written straight into the test database.
 */
class PruningIT extends MicroTest {

    @Test
    void pruneDeletesExactlyWhatSanctumWouldAtTheBoundaries() throws SQLException {
        long owner = new Accounts(api()).register().id();
        String tag = "boundary-" + owner;
        insert(owner, tag + " created 181", "now() - interval '181 minutes'", "NULL");
        insert(owner, tag + " created 179", "now() - interval '179 minutes'", "NULL");
        insert(owner, tag + " created 121", "now() - interval '121 minutes'", "NULL");
        insert(owner, tag + " expired 121", "now()", "now() - interval '121 minutes'");
        insert(owner, tag + " expired 119", "now()", "now() - interval '119 minutes'");
        insert(owner, tag + " no expiry", "now()", "NULL");

        var reply = api().post("api/admin/tokens/prune?hours=2")
                .bearer(Admin.token(api()))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getInt("pruned")).isGreaterThanOrEqualTo(2);
        assertThat(namesLike(tag + "%"))
                .containsExactlyInAnyOrder(
                        tag + " created 179", tag + " created 121", tag + " expired 119", tag + " no expiry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "1.5", "", "9999999"})
    void hoursMustBeANonNegativeInteger(String hours) {
        var reply = api().post("api/admin/tokens/prune?hours=" + hours)
                .bearer(Admin.token(api()))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().getJsonObject("errors").keySet()).containsExactly("hours");
    }

    @Test
    void onlyAdminsMayPrune() {
        assertThat(api().post("api/admin/tokens/prune").send().status()).isEqualTo(401);
        var user = new Accounts(api()).register();
        assertThat(api().post("api/admin/tokens/prune")
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void pruningFiftyThousandBesideLiveTrafficKeepsEveryLiveTokenAndCountsEachOnce() throws Exception {
        var accounts = new Accounts(api());
        var owner = accounts.register();
        List<String> liveTokens = new ArrayList<>(List.of(owner.token()));
        for (int i = 1; i < 20; i++) {
            liveTokens.add(accounts.token(owner, "read:posts"));
        }
        Instant start = SuiteDatabase.now();
        bulkInsert(owner.id(), "live", 4_980, "now()", "NULL");
        bulkInsert(owner.id(), "expired", 50_000, "now() - interval '1 minute'", "now() - interval '2 days'");
        Set<Long> live = ids(owner.id(), "live");
        liveTokens.forEach(token -> live.add(Long.parseLong(token.substring(0, token.indexOf('|')))));
        assertThat(live).hasSize(5_000);

        var done = new AtomicBoolean();
        var authentications = new AtomicInteger();
        var failures = new AtomicInteger();
        var traffic = CompletableFuture.runAsync(() -> {
            for (int i = 0; !done.get() || i < 100; i++) {
                var status = api().get("api/user")
                        .bearer(liveTokens.get(i % liveTokens.size()))
                        .send()
                        .status();
                authentications.incrementAndGet();
                if (status != 200) {
                    failures.incrementAndGet();
                }
            }
        });
        // Two runs at once, as two nodes or the timer and the endpoint would (the suite's timer runs every
        // two seconds as well): they share the rows, and each row is counted by the run that deleted it.
        String adminToken = Admin.token(api());
        var first = CompletableFuture.supplyAsync(() ->
                api().post("api/admin/tokens/prune?hours=24").bearer(adminToken).send());
        var second = CompletableFuture.supplyAsync(() ->
                api().post("api/admin/tokens/prune?hours=24").bearer(adminToken).send());
        var replies = List.of(first.get(), second.get());
        done.set(true);
        traffic.get();

        assertThat(replies)
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(owner.id(), "expired") == 0);
        assertThat(ids(owner.id(), null)).containsExactlyInAnyOrderElementsOf(live);
        assertThat(failures.get())
                .as("failed authentications out of " + authentications.get())
                .isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> prunedSince(start) >= 50_000);
        assertThat(prunedSince(start))
                .as("tokens counted by every run since the insert")
                .isEqualTo(50_000);
    }

    private static void insert(long owner, String name, String createdAt, String expiresAt) throws SQLException {
        SuiteDatabase.update("INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at, expires_at)"
                + " VALUES (" + owner + ", '" + name + "', md5(random()::text) || md5(random()::text), '[\"*\"]', "
                + createdAt + ", " + expiresAt + ")");
    }

    private static void bulkInsert(long owner, String name, int rows, String createdAt, String expiresAt)
            throws SQLException {
        SuiteDatabase.update("INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at, expires_at)"
                + " SELECT " + owner + ", '" + name + "', md5(random()::text || i) || md5(random()::text), '[\"*\"]', "
                + createdAt + ", " + expiresAt + " FROM generate_series(1, " + rows + ") i");
    }

    private static List<String> namesLike(String pattern) throws SQLException {
        try (var connection = SuiteDatabase.current().connect();
                var statement = connection.prepareStatement("SELECT name FROM access_tokens WHERE name LIKE ?")) {
            statement.setString(1, pattern);
            var rows = statement.executeQuery();
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static Set<Long> ids(long owner, String name) throws SQLException {
        String where = "owner_id = " + owner + (name == null ? "" : " AND name = '" + name + "'");
        try (var connection = SuiteDatabase.current().connect();
                var rows = connection.createStatement().executeQuery("SELECT id FROM access_tokens WHERE " + where)) {
            Set<Long> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        }
    }

    private static long count(long owner, String name) throws SQLException {
        return ids(owner, name).size();
    }

    /** The tokens every pruning run finished since {@code start} says it deleted, from the audit trail. */
    private static long prunedSince(Instant start) throws SQLException {
        try (var connection = SuiteDatabase.current().connect();
                var statement = connection.prepareStatement("SELECT coalesce(sum(substring(detail from"
                        + " 'pruned=([0-9]+)')::bigint), 0) FROM audit_events WHERE type = 'tokens.pruned'"
                        + " AND occurred_at >= ?")) {
            statement.setTimestamp(1, Timestamp.from(start));
            var rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }
}
