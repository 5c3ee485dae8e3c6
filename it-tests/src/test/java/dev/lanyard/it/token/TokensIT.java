package dev.lanyard.it.token;

import static dev.lanyard.it.token.BearerAuthenticationIT.idOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.SpaClient;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The user's token management, {@code /api/tokens}, with the token policy: {@code lanyard.token.max-lifetime-days}
 * (365 in the suite) and {@code lanyard.token.max-per-user} (its default, 100).
 */
class TokensIT extends MicroTest {

    private static final String APP = "https://test.com/app";
    private static final String TOO_LATE = "The expires at field must be a date within 365 days from now.";

    @Test
    void listShowsEveryTokenAndMarksTheCurrentOne() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String second = accounts.token(ann, "read:posts");

        var reply = api().get("api/tokens").bearer(second).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonObject> tokens = reply.json().getJsonArray("tokens").getValuesAs(JsonObject.class);
        assertThat(tokens).hasSize(2);
        assertThat(tokens)
                .filteredOn(t -> t.getBoolean("current"))
                .singleElement()
                .satisfies(t -> assertThat(t.getJsonNumber("id").longValue()).isEqualTo(idOf(second)));
        assertThat(tokens.get(0).keySet())
                .containsExactlyInAnyOrder(
                        "id",
                        "name",
                        "abilities",
                        "last_used_at",
                        "last_used_ip",
                        "last_used_user_agent",
                        "created_at",
                        "expires_at",
                        "current");
        assertThat(reply.body()).doesNotContain(second.substring(second.indexOf('|') + 1));
    }

    @Test
    void theListShowsWhereAndWithWhatEachTokenWasLastUsed() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String worker = accounts.token(ann, "read:posts");
        String unused = accounts.token(ann, "read:posts");
        // A user agent longer than its column is cut, not refused.
        String agent = "deploy-script/2.1 " + "x".repeat(600);

        assertThat(api().get("api/user")
                        .bearer(worker)
                        .header("User-Agent", agent)
                        .send()
                        .status())
                .isEqualTo(200);

        // The list is read with the same token and agent, so whichever use is noted first is this one.
        JsonObject used = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tokenNamed(
                                api().get("api/tokens")
                                        .bearer(worker)
                                        .header("User-Agent", agent)
                                        .send(),
                                worker),
                        token -> !token.isNull("last_used_ip"));
        // This test's own address, as the audit trail recorded it when the tokens were created.
        String ownAddress = api().get("api/audit?per_page=1")
                .bearer(worker)
                .send()
                .json()
                .getJsonArray("data")
                .getJsonObject(0)
                .getString("ip");
        assertThat(used.getString("last_used_ip")).isEqualTo(ownAddress);
        assertThat(used.getString("last_used_user_agent")).isEqualTo(agent.substring(0, 512));
        JsonObject neverUsed = tokenNamed(
                api().get("api/tokens")
                        .bearer(worker)
                        .header("User-Agent", agent)
                        .send(),
                unused);
        assertThat(neverUsed.isNull("last_used_at")).isTrue();
        assertThat(neverUsed.isNull("last_used_ip")).isTrue();
        assertThat(neverUsed.isNull("last_used_user_agent")).isTrue();
    }

    private static JsonObject tokenNamed(Api.Reply list, String plainText) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == idOf(plainText))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void createAnswers201WithThePlainTextOnce() {
        var ann = new Accounts(api()).register();
        // Within the hour the suite's tokens live, which the new one cannot outlast.
        Instant expiry = Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        var reply = api().post(
                        "api/tokens",
                        Json.of(
                                "name",
                                "deploy bot",
                                "abilities",
                                List.of("read:posts"),
                                "expires_at",
                                expiry.toString()))
                .bearer(ann.token())
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject token = reply.json().getJsonObject("token");
        assertThat(reply.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/tokens/" + token.getJsonNumber("id")));
        assertThat(token.getString("name")).isEqualTo("deploy bot");
        assertThat(strings(token, "abilities")).containsExactly("read:posts");
        assertThat(Instant.parse(token.getString("expires_at"))).isEqualTo(expiry);
        String plain = reply.json().getString("plain_text_token");
        assertThat(api().get("api/user").bearer(plain).send().status()).isEqualTo(200);
    }

    @Test
    void aReadOnlyTokenCannotMintABroaderOne() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String readOnly = accounts.token(ann, "read:posts");

        for (List<String> broader : List.of(List.of("*"), List.of("read:posts", "create:posts"))) {
            var reply = api().post("api/tokens", Json.of("name", "escalate", "abilities", broader))
                    .bearer(readOnly)
                    .send();
            assertThat(reply.status()).as(broader + " " + reply).isEqualTo(403);
            assertThat(reply.json().getString("message")).isNotBlank();
        }
        var same = api().post("api/tokens", Json.of("name", "same", "abilities", List.of("read:posts")))
                .bearer(readOnly)
                .send();
        assertThat(same.status()).isEqualTo(201);
        var inherited = api().post("api/tokens", Json.of("name", "inherited"))
                .bearer(readOnly)
                .send();
        assertThat(strings(inherited.json().getJsonObject("token"), "abilities"))
                .containsExactly("read:posts");
    }

    @Test
    void invalidTokenRequestsAre422() {
        var ann = new Accounts(api()).register();

        var noName = api().post("api/tokens", Json.of("abilities", List.of("read:posts")))
                .bearer(ann.token())
                .send();
        var badAbility = api().post("api/tokens", Json.of("name", "x", "abilities", List.of("read posts")))
                .bearer(ann.token())
                .send();
        var past = api().post("api/tokens", Json.of("name", "x", "expires_at", "2020-01-01T00:00:00Z"))
                .bearer(ann.token())
                .send();

        assertThat(noName.status()).as(noName.toString()).isEqualTo(422);
        assertThat(noName.json().getJsonObject("errors").keySet()).containsExactly("name");
        assertThat(badAbility.status()).as(badAbility.toString()).isEqualTo(422);
        assertThat(badAbility.json().getJsonObject("errors").keySet()).containsExactly("abilities");
        assertThat(past.status()).as(past.toString()).isEqualTo(422);
        assertThat(past.json().getJsonObject("errors").keySet()).containsExactly("expires_at");
    }

    @Test
    void patchRenamesAndNarrowsButNeverWidens() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String narrow = accounts.token(ann, "read:posts", "create:posts");
        long id = idOf(narrow);

        var renamed = api().patch("api/tokens/" + id, Json.of("name", "renamed", "abilities", List.of("read:posts")))
                .bearer(ann.token())
                .send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().getString("name")).isEqualTo("renamed");
        assertThat(strings(renamed.json(), "abilities")).containsExactly("read:posts");

        var widen = api().patch("api/tokens/" + id, Json.of("abilities", List.of("*")))
                .bearer(narrow)
                .send();
        assertThat(widen.status()).as(widen.toString()).isEqualTo(403);
    }

    @Test
    void deleteRevokesOwnTokensAndHidesOthers() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        var bob = accounts.register();
        String annSecond = accounts.token(ann, "read:posts");

        var othersToken = api().delete("api/tokens/" + idOf(bob.token()))
                .bearer(ann.token())
                .send();
        assertThat(othersToken.status()).as(othersToken.toString()).isEqualTo(404);
        assertThat(api().get("api/user").bearer(bob.token()).send().status()).isEqualTo(200);
        assertThat(api().patch("api/tokens/" + idOf(bob.token()), Json.of("name", "mine"))
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(404);

        var own = api().delete("api/tokens/" + idOf(annSecond))
                .bearer(ann.token())
                .send();
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().getString("message")).isNotBlank();
        assertThat(api().get("api/user").bearer(annSecond).send().status()).isEqualTo(401);
        assertThat(api().delete("api/tokens/" + idOf(annSecond))
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api().delete("api/tokens/999999999")
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void tokenEndpointsNeedAToken() {
        assertThat(api().get("api/tokens").send().status()).isEqualTo(401);
        assertThat(api().post("api/tokens", Json.of("name", "x")).send().status())
                .isEqualTo(401);
        assertThat(api().delete("api/tokens/1").send().status()).isEqualTo(401);
    }

    static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    @Test
    void everyCallerLearnsTheAbilitiesATokenCanHoldAndWhoseTokensCanUseThem() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String narrow = accounts.token(ann, "read:posts");
        var client = api().post(
                        "api/admin/clients",
                        Json.of("name", "catalogue reader", "abilities", List.of("read:inventory")))
                .bearer(Admin.token(api()))
                .send();
        assertThat(client.status()).as(client.toString()).isEqualTo(201);

        var byToken = api().get("api/abilities").bearer(narrow).send();
        var bySession = SpaClient.signedIn(api(), APP, ann).send(api().get("api/abilities"));
        var byClient = api().get("api/abilities")
                .bearer(client.json().getString("token"))
                .send();

        for (Api.Reply reply : List.of(byToken, bySession, byClient)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json()).isEqualTo(byToken.json());
        }
        List<JsonObject> abilities = byToken.json().getJsonArray("abilities").getValuesAs(JsonObject.class);
        assertThat(abilities).allSatisfy(ability -> {
            assertThat(ability.keySet()).containsExactlyInAnyOrder("name", "description", "roles");
            assertThat(ability.getString("description")).isNotBlank();
        });
        assertThat(abilities)
                .extracting(ability -> ability.getString("name") + " "
                        + ability.getJsonArray("roles").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder(
                        "read:posts [user]",
                        "create:posts [user]",
                        "update:posts [user]",
                        "delete:posts [user]",
                        "read:inventory [user, client]",
                        "introspect [client]",
                        "admin [admin]");
        assertThat(api().get("api/abilities").send().status()).isEqualTo(401);
    }

    @Test
    void aTokenMustExpireWithinTheMaximumLifetimeWhichIsAlsoItsDefault() {
        var ann = new Accounts(api()).register();
        SpaClient browser = SpaClient.signedIn(api(), APP, ann);
        Instant tooLate = Instant.now().plus(366, ChronoUnit.DAYS);

        var refused =
                browser.send(api().post("api/tokens", Json.of("name", "forever", "expires_at", tooLate.toString())));
        var refusedToToken = api().post("api/tokens", Json.of("name", "forever", "expires_at", tooLate.toString()))
                .bearer(ann.token())
                .send();
        var defaulted = browser.send(api().post("api/tokens", Json.of("name", "no expiry given")));
        var within = browser.send(api().post(
                        "api/tokens",
                        Json.of(
                                "name",
                                "a year",
                                "expires_at",
                                Instant.now()
                                        .plus(364, ChronoUnit.DAYS)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString())));

        for (Api.Reply reply : List.of(refused, refusedToToken)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.json()
                            .getJsonObject("errors")
                            .getJsonArray("expires_at")
                            .getString(0))
                    .isEqualTo(TOO_LATE);
        }
        assertThat(defaulted.status()).as(defaulted.toString()).isEqualTo(201);
        Instant defaultExpiry =
                Instant.parse(defaulted.json().getJsonObject("token").getString("expires_at"));
        assertThat(Duration.between(Instant.now().plus(365, ChronoUnit.DAYS), defaultExpiry)
                        .abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(within.status()).as(within.toString()).isEqualTo(201);
    }

    @Test
    void ofCreationsSentAtOnceOnlyThoseWithinTheLimitPass() throws SQLException {
        var ann = new Accounts(api()).register();
        // 94 live tokens beside the one from registration, an expired one and a browser session, neither of
        // which counts. The expired one ended an hour ago: the suite's pruning timer (every 2 s) deletes tokens a
        // day after they end, and one that ended exactly a day ago was sometimes gone before the count.
        SuiteDatabase.update("INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at)"
                + " SELECT " + ann.id() + ", 'bulk', md5(random()::text) || md5(random()::text), '[\"*\"]', now()"
                + " FROM generate_series(1, 94)");
        SuiteDatabase.update("INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at,"
                + " expires_at) VALUES (" + ann.id() + ", 'expired', md5(random()::text) || md5(random()::text),"
                + " '[\"*\"]', now() - interval '90 minutes', now() - interval '1 hour')");
        SpaClient.signedIn(api(), APP, ann);

        var answers = Simultaneous.send(
                10,
                i -> Simultaneous.Answer.of(api().post("api/tokens", Json.of("name", "at once " + i))
                        .bearer(ann.token())
                        .send()));

        assertThat(answers.count(201)).as(answers.toString()).isEqualTo(5);
        assertThat(answers.withStatus(422))
                .as(answers.toString())
                .hasSize(5)
                .allSatisfy(
                        answer -> assertThat(answer.body()).contains("You have 100 live API tokens, the most allowed"));
        var list = api().get("api/tokens").bearer(ann.token()).send();
        assertThat(list.json().getJsonArray("tokens")).hasSize(101);

        long oneOfThem = list.json()
                .getJsonArray("tokens")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        assertThat(api().delete("api/tokens/" + oneOfThem)
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api().post("api/tokens", Json.of("name", "after a revoke"))
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(201);
    }
}
