package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.SpaClient;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user's browser sessions (ASVS 5.0 §7.5.2, §7.3.1): {@code GET /api/user/sessions}, ending one, ending all
 * others with the password, and the idle timeout ({@code lanyard.session.idle-minutes}, 30 by default).
 */
class SessionsIT extends MicroTest {

    private static final String APP = "https://test.com/app";

    @Test
    void aUserSeesTheirSessionsAndEndsAnotherOne() {
        var ann = new Accounts(api()).register();
        SpaClient laptop = SpaClient.signedIn(api(), APP, ann);
        SpaClient phone = SpaClient.signedIn(api(), APP, ann);
        assertThat(phone.send(api().get("api/user").header("User-Agent", "Phone/1.0"))
                        .status())
                .isEqualTo(200);

        var list = laptop.send(api().get("api/user/sessions"));

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonObject> sessions = list.json().getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).keySet())
                .containsExactlyInAnyOrder("id", "created_at", "last_active_at", "ip", "user_agent", "current");
        assertThat(sessions).filteredOn(s -> s.getBoolean("current")).hasSize(1);
        long other = sessions.stream()
                .filter(s -> !s.getBoolean("current"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        assertThat(api().get("api/user/sessions")
                        .bearer(ann.token())
                        .send()
                        .json()
                        .getJsonArray("sessions"))
                .as("an API token sees the sessions too, none of them current")
                .hasSize(2)
                .allSatisfy(
                        s -> assertThat(s.asJsonObject().getBoolean("current")).isFalse());

        var ended = laptop.send(api().delete("api/user/sessions/" + other));

        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(phone.send(api().get("api/user")).status())
                .as("the phone is signed out")
                .isEqualTo(401);
        assertThat(laptop.send(api().get("api/user")).status()).isEqualTo(200);
        assertThat(laptop.send(api().delete("api/user/sessions/" + other)).status())
                .isEqualTo(404);
        var bob = new Accounts(api()).register();
        long bobsSession = idOfOnlySession(SpaClient.signedIn(api(), APP, bob));
        assertThat(laptop.send(api().delete("api/user/sessions/" + bobsSession)).status())
                .as("another user's session")
                .isEqualTo(404);
        assertThat(api().delete("api/user/sessions/" + bobsSession)
                        .bearer(bob.token())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void logoutOthersEndsEveryOtherSessionAndWithTokensEveryOtherToken() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String script = accounts.token(ann, "read:posts");
        SpaClient laptop = SpaClient.signedIn(api(), APP, ann);
        SpaClient phone = SpaClient.signedIn(api(), APP, ann);

        var wrong = laptop.send(
                api().post("api/user/sessions/logout-others", Json.of("current_password", "not it at all")));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(wrong.json().getJsonObject("errors").keySet()).containsExactly("current_password");

        var sessionsOnly = laptop.send(
                api().post("api/user/sessions/logout-others", Json.of("current_password", Accounts.PASSWORD)));
        assertThat(sessionsOnly.status()).as(sessionsOnly.toString()).isEqualTo(200);
        assertThat(phone.send(api().get("api/user")).status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(script).send().status())
                .as("tokens stay")
                .isEqualTo(200);
        assertThat(laptop.send(api().get("api/user")).status()).isEqualTo(200);

        var everything = laptop.send(api().post(
                        "api/user/sessions/logout-others",
                        Json.of("current_password", Accounts.PASSWORD, "tokens", true)));
        assertThat(everything.status()).as(everything.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(script).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(401);
        assertThat(laptop.send(api().get("api/user")).status())
                .as("the calling session stays")
                .isEqualTo(200);
    }

    @Test
    void wrongPasswordsAreThrottledAsOtherPasswordChecks() {
        var ann = new Accounts(api()).register();
        String body = Json.of("current_password", "not it at all");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(api().post("api/user/sessions/logout-others", body)
                            .bearer(ann.token())
                            .send()
                            .status())
                    .isEqualTo(422);
        }
        var sixth = api().post("api/user/sessions/logout-others", Json.of("current_password", Accounts.PASSWORD))
                .bearer(ann.token())
                .send();

        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
        assertThat(sixth.header("Retry-After")).isPresent();
    }

    @Test
    void wrongPasswordsSentAtOnceAreCountedBeforeTheyAreJudged() {
        var ann = new Accounts(api()).register();
        String body = Json.of("current_password", "not it at all", "tokens", true);

        var answers = Simultaneous.send(
                8,
                i -> Simultaneous.Answer.of(api().post("api/user/sessions/logout-others", body)
                        .bearer(ann.token())
                        .send()));

        assertThat(answers.count(422)).as(answers.toString()).isEqualTo(5);
        assertThat(answers.count(429)).as(answers.toString()).isEqualTo(3);
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(200);
        assertThat(api().post("api/user/sessions/logout-others", "{\"current_password\": 12345}")
                        .bearer(ann.token())
                        .send()
                        .status())
                .as("a number is no password")
                .isEqualTo(422);
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutEndsThoughItsLifetimeHasNot() throws SQLException {
        var ann = new Accounts(api()).register();
        SpaClient idle = SpaClient.signedIn(api(), APP, ann);
        SpaClient active = SpaClient.signedIn(api(), APP, ann);
        List<JsonObject> sessions = api().get("api/user/sessions")
                .bearer(ann.token())
                .send()
                .json()
                .getJsonArray("sessions")
                .getValuesAs(JsonObject.class);
        // Neither session was used since sign-in: one signed in 31 minutes ago, the other 29, both within the
        // two-hour lifetime.
        SuiteDatabase.update("UPDATE access_tokens SET created_at = now() - interval '31 minutes' WHERE id = "
                + sessions.get(1).getJsonNumber("id"));
        SuiteDatabase.update("UPDATE access_tokens SET created_at = now() - interval '29 minutes' WHERE id = "
                + sessions.get(0).getJsonNumber("id"));

        assertThat(idle.send(api().get("api/user")).status()).isEqualTo(401);
        assertThat(active.send(api().get("api/user")).status()).isEqualTo(200);
        assertThat(api().get("api/user/sessions")
                        .bearer(ann.token())
                        .send()
                        .json()
                        .getJsonArray("sessions"))
                .as("the idle session was revoked")
                .hasSize(1);
    }

    @Test
    void anApiTokenUnusedForTheIdleDaysEnds() throws SQLException {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String dormant = accounts.token(ann, "read:posts");
        String lively = accounts.token(ann, "read:posts");
        // The suite sets lanyard.token.idle-days to 30; neither token was used on the server yet.
        SuiteDatabase.update("UPDATE access_tokens SET last_used_at = now() - interval '31 days' WHERE id = "
                + dormant.substring(0, dormant.indexOf('|')));
        SuiteDatabase.update("UPDATE access_tokens SET last_used_at = now() - interval '29 days' WHERE id = "
                + lively.substring(0, lively.indexOf('|')));

        assertThat(api().get("api/user").bearer(dormant).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(lively).send().status()).isEqualTo(200);
        assertThat(api().get("api/tokens").bearer(ann.token()).send().json().getJsonArray("tokens"))
                .as("the idle token was revoked")
                .hasSize(2);
    }

    private long idOfOnlySession(SpaClient browser) {
        return browser.send(api().get("api/user/sessions"))
                .json()
                .getJsonArray("sessions")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }
}
