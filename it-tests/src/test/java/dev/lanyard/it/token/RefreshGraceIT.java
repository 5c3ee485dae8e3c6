package dev.lanyard.it.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.AuditTypes;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/token/refresh {"grace_seconds": N}}: the old token keeps working until the new one is first
 * used or the grace ends, whichever comes first, so a client whose answer was lost is not locked out.
 */
class RefreshGraceIT extends MicroTest {

    @Test
    void theOldTokenWorksUntilTheNewOneIsFirstUsed() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String old = accounts.token(ann, "read:posts");

        String fresh = refresh(old, 300);

        assertThat(status(old)).as("the answer may have been lost: the old token still works").isEqualTo(200);
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

        var answers = Simultaneous.send(8, i -> Simultaneous.Answer.of(api().post("api/token/refresh", body)
                .bearer(old).send()));

        assertThat(answers.count(200)).as(answers.toString()).isEqualTo(1);
        assertThat(answers.count(401)).as(answers.toString()).isEqualTo(7);
        assertThat(status(old)).as("the winner's grace").isEqualTo(200);
        var again = api().post("api/token/refresh", body).bearer(old).send();
        assertThat(again.status()).as("a token is rotated once").isEqualTo(401);
    }

    @Test
    void anApiClientRotatesItsOwnTokenTheSameWay() {
        var client = api().post("api/admin/clients", Json.of("name", "storefront " + System.nanoTime(),
                "abilities", List.of("read:inventory"))).bearer(Admin.token(api())).send();
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
            var reply = api().post("api/token/refresh", "{\"grace_seconds\": " + grace + "}").bearer(old).send();
            assertThat(reply.status()).as(grace + ": " + reply).isEqualTo(422);
            assertThat(reply.json().getJsonObject("errors").keySet()).containsExactly("grace_seconds");
        }
        var text = api().post("api/token/refresh", "{\"grace_seconds\": \"soon\"}").bearer(old).send();
        assertThat(text.status()).as(text.toString()).isIn(400, 422);
        assertThat(status(old)).isEqualTo(200);
        assertThat(refresh(old, 300)).isNotBlank();
    }

    private String refresh(String token, int graceSeconds) {
        var reply = api().post("api/token/refresh", Json.of("grace_seconds", graceSeconds)).bearer(token).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("token");
    }

    private int status(String token) {
        return api().get("api/user").bearer(token).send().status();
    }
}
