package dev.lanyard.it.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.SpaClient;
import dev.lanyard.it.support.SuiteDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The token policy: {@code lanyard.token.max-lifetime-days} (365 in the suite) and
 * {@code lanyard.token.max-per-user} (its default, 100).
 */
class TokenPolicyIT extends MicroTest {

    private static final String APP = "https://test.com/app";
    private static final String TOO_LATE = "The expires at field must be a date within 365 days from now.";

    @Test
    void aTokenMustExpireWithinTheMaximumLifetimeWhichIsAlsoItsDefault() {
        var ann = new Accounts(api()).register();
        SpaClient browser = SpaClient.signedIn(api(), APP, ann);
        Instant tooLate = Instant.now().plus(366, ChronoUnit.DAYS);

        var refused = browser.send(api().post("api/tokens", Json.of("name", "forever", "expires_at",
                tooLate.toString())));
        var refusedToToken = api().post("api/tokens", Json.of("name", "forever", "expires_at", tooLate.toString()))
                .bearer(ann.token()).send();
        var defaulted = browser.send(api().post("api/tokens", Json.of("name", "no expiry given")));
        var within = browser.send(api().post("api/tokens", Json.of("name", "a year", "expires_at",
                Instant.now().plus(364, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())));

        for (Api.Reply reply : List.of(refused, refusedToToken)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.json().getJsonObject("errors").getJsonArray("expires_at").getString(0))
                    .isEqualTo(TOO_LATE);
        }
        assertThat(defaulted.status()).as(defaulted.toString()).isEqualTo(201);
        Instant defaultExpiry = Instant.parse(defaulted.json().getJsonObject("token").getString("expires_at"));
        assertThat(Duration.between(Instant.now().plus(365, ChronoUnit.DAYS), defaultExpiry).abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(within.status()).as(within.toString()).isEqualTo(201);
    }

    @Test
    void ofCreationsSentAtOnceOnlyThoseWithinTheLimitPass() throws SQLException {
        var ann = new Accounts(api()).register();
        // 94 live tokens beside the one from registration, an expired one and a browser session, neither of
        // which counts.
        SuiteDatabase.update("INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at)"
                + " SELECT " + ann.id() + ", 'bulk', md5(random()::text) || md5(random()::text), '[\"*\"]', now()"
                + " FROM generate_series(1, 94)");
        SuiteDatabase.update("INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at,"
                + " expires_at) VALUES (" + ann.id() + ", 'expired', md5(random()::text) || md5(random()::text),"
                + " '[\"*\"]', now() - interval '2 days', now() - interval '1 day')");
        SpaClient.signedIn(api(), APP, ann);

        var answers = Simultaneous.send(10, i -> Simultaneous.Answer.of(api().post("api/tokens",
                Json.of("name", "at once " + i)).bearer(ann.token()).send()));

        assertThat(answers.count(201)).as(answers.toString()).isEqualTo(5);
        assertThat(answers.withStatus(422)).as(answers.toString()).hasSize(5).allSatisfy(answer -> assertThat(
                answer.body()).contains("You have 100 live API tokens, the most allowed"));
        var list = api().get("api/tokens").bearer(ann.token()).send();
        assertThat(list.json().getJsonArray("tokens")).hasSize(101);

        long oneOfThem = list.json().getJsonArray("tokens").getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(api().delete("api/tokens/" + oneOfThem).bearer(ann.token()).send().status()).isEqualTo(200);
        assertThat(api().post("api/tokens", Json.of("name", "after a revoke")).bearer(ann.token()).send().status())
                .isEqualTo(201);
    }
}
