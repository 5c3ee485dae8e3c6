package dev.lanyard.it.token;

import static dev.lanyard.it.token.BearerAuthenticationIT.idOf;
import static dev.lanyard.it.token.BearerAuthenticationIT.sql;
import static dev.lanyard.it.token.TokensIT.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.AuditTypes;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Logout, logout everywhere, refresh (with {@code grace_seconds}, the old token working until the new one is first
 * used or the grace ends), and how a token's use is recorded.
 */
class SessionLifecycleIT extends MicroTest {

    @Test
    void logoutRevokesOnlyTheCurrentToken() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String other = accounts.token(ann, "read:posts");

        var reply = api().post("api/logout").bearer(ann.token()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("message")).isNotBlank();
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(other).send().status()).isEqualTo(200);
    }

    @Test
    void logoutAllRevokesEveryTokenOfTheUserOnly() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        var bob = accounts.register();
        String annOther = accounts.token(ann, "read:posts");

        var reply = api().post("api/logout-all").bearer(ann.token()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(annOther).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(bob.token()).send().status()).isEqualTo(200);
    }

    @Test
    void refreshReplacesTheTokenKeepingNameAndAbilities() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String narrow = accounts.token(ann, "read:posts");

        var reply = api().post("api/token/refresh").bearer(narrow).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String fresh = reply.json().getString("token");
        assertThat(idOf(fresh)).isNotEqualTo(idOf(narrow));
        assertThat(api().get("api/user").bearer(narrow).send().status()).isEqualTo(401);
        JsonObject current = api()
                .get("api/tokens")
                .bearer(fresh)
                .send()
                .json()
                .getJsonArray("tokens")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(t -> t.getBoolean("current"))
                .findFirst()
                .orElseThrow();
        assertThat(current.getString("name")).isEqualTo("test");
        assertThat(strings(current, "abilities")).containsExactly("read:posts");
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenGiveExactlyOneNewToken() throws Exception {
        var ann = new Accounts(api()).register();
        Api api = api();
        var start = new CountDownLatch(1);
        Callable<Integer> refresh = () -> {
            start.await();
            return api.post("api/token/refresh").bearer(ann.token()).send().status();
        };

        List<Integer> statuses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = List.of(pool.submit(refresh), pool.submit(refresh));
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 401);
        assertThat(SuiteDatabase.number("SELECT count(*) FROM access_tokens WHERE owner_id = " + ann.id()))
                .isEqualTo(1);
    }

    @Test
    void lastUsedAtAdvancesOnUseButIsWrittenAtMostOncePerWindow() throws SQLException {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        long id = idOf(ann.token());
        assertThat(lastUsedAt(id)).isNull();

        // Uses are written in the background, about once a second.
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(200);
        Timestamp first = eventuallyLastUsedAt(id, null);

        for (int i = 0; i < 200; i++) {
            assertThat(api().get("api/user").bearer(ann.token()).send().status())
                    .isEqualTo(200);
        }
        // A token used after those requests is written with or after anything they queued.
        String later = accounts.token(ann);
        assertThat(api().get("api/user").bearer(later).send().status()).isEqualTo(200);
        eventuallyLastUsedAt(idOf(later), null);
        // Every write sets the time it was made, so an unchanged value means no write after the first.
        assertThat(lastUsedAt(id)).isEqualTo(first);

        sql("UPDATE access_tokens SET last_used_at = now() - interval '2 minutes' WHERE id = " + id);
        Timestamp stale = lastUsedAt(id);
        // The node keeps the use it noted with the token in memory; a change to the token evicts it, so the node
        // reads the row again and sees a last use older than the window, as it would two minutes later.
        assertThat(api().patch("api/tokens/" + id, Json.of("name", "renamed"))
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(200);
        assertThat(eventuallyLastUsedAt(id, stale)).isAfter(stale).isAfter(first);
    }

    /** The token's last_used_at once it is no longer {@code before}. */
    private static Timestamp eventuallyLastUsedAt(long tokenId, Timestamp before) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> lastUsedAt(tokenId), at -> at != null && !at.equals(before));
    }

    private static Timestamp lastUsedAt(long tokenId) throws SQLException {
        try (var connection = SuiteDatabase.current().connect();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT last_used_at FROM access_tokens WHERE id = " + tokenId)) {
            assertThat(rows.next()).isTrue();
            return rows.getTimestamp(1);
        }
    }

    @Test
    void theOldTokenWorksUntilTheNewOneIsFirstUsed() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String old = accounts.token(ann, "read:posts");

        String fresh = refresh(old, 300);

        assertThat(status(old))
                .as("the answer may have been lost: the old token still works")
                .isEqualTo(200);
        assertThat(status(old)).isEqualTo(200);
        assertThat(status(fresh)).isEqualTo(200);
        assertThat(status(old)).as("the new token was used").isEqualTo(401);
        assertThat(status(fresh)).isEqualTo(200);
        assertThat(AuditTypes.of(api(), ann.token())).contains("token.revoked reason=refresh grace-seconds=300");
    }

    @Test
    void theOldTokenEndsWithTheGraceWhenTheNewOneIsNeverUsed() {
        var accounts = new Accounts(api());
        String old = accounts.token(accounts.register(), "read:posts");

        Instant refreshed = Instant.now();
        String fresh = refresh(old, 2);

        assertThat(status(old)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(old) == 401);
        assertThat(Duration.between(refreshed, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(status(fresh)).isEqualTo(200);
    }

    @Test
    void ofRefreshesSentAtOnceWithAGraceOneWins() {
        var accounts = new Accounts(api());
        String old = accounts.token(accounts.register(), "read:posts");
        String body = Json.of("grace_seconds", 60);

        var answers = Simultaneous.send(
                8,
                i -> Simultaneous.Answer.of(
                        api().post("api/token/refresh", body).bearer(old).send()));

        assertThat(answers.count(200)).as(answers.toString()).isEqualTo(1);
        assertThat(answers.count(401)).as(answers.toString()).isEqualTo(7);
        assertThat(status(old)).as("the winner's grace").isEqualTo(200);
        var again = api().post("api/token/refresh", body).bearer(old).send();
        assertThat(again.status()).as("a token is rotated once").isEqualTo(401);
    }

    @Test
    void anApiClientRotatesItsOwnTokenTheSameWay() {
        var client = api().post(
                        "api/admin/clients",
                        Json.of("name", "storefront " + System.nanoTime(), "abilities", List.of("read:inventory")))
                .bearer(Admin.token(api()))
                .send();
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        String old = client.json().getString("token");

        String fresh = refresh(old, 60);

        assertThat(inventory(old)).isEqualTo(200);
        assertThat(inventory(fresh)).isEqualTo(200);
        assertThat(inventory(old)).isEqualTo(401);
    }

    private int inventory(String token) {
        return api().get("api/inventory").bearer(token).send().status();
    }

    @Test
    void withoutAGraceTheOldTokenEndsAtOnce() {
        var accounts = new Accounts(api());
        String old = accounts.token(accounts.register(), "read:posts");

        String fresh = refresh(old, 0);

        assertThat(status(old)).isEqualTo(401);
        var empty = api().post("api/token/refresh", "{}").bearer(fresh).send();
        assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
        assertThat(status(fresh)).isEqualTo(401);
    }

    @Test
    void aGraceOutsideTheLimitIs422AndLeavesTheTokenAsItWas() {
        var accounts = new Accounts(api());
        String old = accounts.token(accounts.register(), "read:posts");

        for (String grace : new String[] {"301", "-1", "1.5", "1e12"}) {
            var reply = api().post("api/token/refresh", "{\"grace_seconds\": " + grace + "}")
                    .bearer(old)
                    .send();
            assertThat(reply.status()).as(grace + ": " + reply).isEqualTo(422);
            assertThat(reply.json().getJsonObject("errors").keySet()).containsExactly("grace_seconds");
        }
        var text = api().post("api/token/refresh", "{\"grace_seconds\": \"soon\"}")
                .bearer(old)
                .send();
        assertThat(text.status()).as(text.toString()).isIn(400, 422);
        assertThat(status(old)).isEqualTo(200);
        assertThat(refresh(old, 300)).isNotBlank();
    }

    private String refresh(String token, int graceSeconds) {
        var reply = api().post("api/token/refresh", Json.of("grace_seconds", graceSeconds))
                .bearer(token)
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("token");
    }

    private int status(String token) {
        return api().get("api/user").bearer(token).send().status();
    }
}
