package dev.lanyard.it.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A JSON number, list, object or boolean where a string is expected is refused as Laravel's string rule does. */
class StringTypesIT extends MicroTest {

    private static final String PASSWORD = "\"" + Accounts.PASSWORD + "\"";

    @Test
    void aNumberForARegistrationNameIs422AndNoAccountIsMade() throws Exception {
        String email = Accounts.uniqueEmail();

        var reply = api().post(
                        "api/register",
                        "{\"name\": 12345, \"email\": \"" + email + "\", \"password\": " + PASSWORD
                                + ", \"password_confirmation\": " + PASSWORD + "}")
                .send();

        assertThat(errors(reply)).isEqualTo(jsonErrors("{\"name\": [\"The name field must be a string.\"]}"));
        assertThat(reply.json().getString("message")).isEqualTo("The name field must be a string.");
        assertThat(SuiteDatabase.number("SELECT count(*) FROM users WHERE email = '" + email + "'"))
                .isZero();
    }

    @Test
    void everyFieldOfTheWrongTypeIsNamedAsTheBodyNamesIt() {
        var reply = api().post(
                        "api/register",
                        "{\"name\": true, \"email\": {\"a\": 1}, \"password\": 12345678,"
                                + " \"password_confirmation\": [\"x\"], \"device_name\": 1.5}")
                .send();

        assertThat(errors(reply))
                .isEqualTo(jsonErrors("{"
                        + "\"device_name\": [\"The device name field must be a string.\"],"
                        + "\"email\": [\"The email field must be a string.\"],"
                        + "\"name\": [\"The name field must be a string.\"],"
                        + "\"password\": [\"The password field must be a string.\"],"
                        + "\"password_confirmation\": [\"The password confirmation field must be a string.\"]}"));
    }

    @Test
    void aListForATokenNameOrANumberAmongItsAbilitiesIs422() {
        var account = new Accounts(api()).register();

        var listName = api().post("api/tokens", "{\"name\": [1]}")
                .bearer(account.token())
                .send();
        assertThat(errors(listName)).isEqualTo(jsonErrors("{\"name\": [\"The name field must be a string.\"]}"));

        var numberAbility = api().post("api/tokens", "{\"name\": \"ci\", \"abilities\": [\"read:posts\", 1]}")
                .bearer(account.token())
                .send();
        assertThat(errors(numberAbility))
                .isEqualTo(jsonErrors("{\"abilities.1\": [\"The abilities.1 field must be a string.\"]}"));

        var tokens =
                api().get("api/tokens").bearer(account.token()).send().json().getJsonArray("tokens");
        assertThat(tokens).hasSize(1);
    }

    @Test
    void aNumberForALoginEmailIs422() {
        var reply = api().post("api/login", "{\"email\": 12345, \"password\": " + PASSWORD + "}")
                .send();

        assertThat(errors(reply)).isEqualTo(jsonErrors("{\"email\": [\"The email field must be a string.\"]}"));
    }

    @Test
    void stringsAndNullsStillPass() {
        var account = new Accounts(api()).register();

        var created = api().post(
                        "api/tokens",
                        "{\"name\": \"12345\", \"abilities\": [\"read:posts\"]," + " \"expires_at\": null}")
                .bearer(account.token())
                .send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getJsonObject("token").getString("name")).isEqualTo("12345");
        assertThat(created.json()
                        .getJsonObject("token")
                        .getJsonArray("abilities")
                        .getString(0))
                .isEqualTo("read:posts");
    }

    private static JsonObject errors(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        return reply.json().getJsonObject("errors");
    }

    private static JsonObject jsonErrors(String json) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }
}
