package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class LoginIT extends MicroTest {

    @Test
    void loginAnswersTheUserAndATokenNamedForTheDevice() {
        var account = new Accounts(api()).register();

        var reply = api().post(
                        "api/login",
                        Json.of("email", account.email(), "password", Accounts.PASSWORD, "device_name", "Ann's laptop"))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonObject("user").getString("email")).isEqualTo(account.email());
        String token = reply.json().getString("token");
        var tokens = api().get("api/tokens")
                .bearer(token)
                .send()
                .json()
                .getJsonArray("tokens")
                .getValuesAs(JsonObject.class);
        assertThat(tokens).anySatisfy(t -> {
            assertThat(t.getString("name")).isEqualTo("Ann's laptop");
            assertThat(t.getBoolean("current")).isTrue();
        });
    }

    @Test
    void emailIsMatchedWhateverItsCase() {
        var account = new Accounts(api()).register();

        var reply = api().post(
                        "api/login", Json.of("email", account.email().toUpperCase(), "password", Accounts.PASSWORD))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void unknownEmailAndWrongPasswordAreIndistinguishable() {
        var account = new Accounts(api()).register();

        var wrongPassword = api().post("api/login", Json.of("email", account.email(), "password", "not it at all"))
                .send();
        var unknownEmail = api().post(
                        "api/login", Json.of("email", Accounts.uniqueEmail(), "password", "not it at all"))
                .send();

        assertThat(wrongPassword.status()).isEqualTo(422);
        assertThat(unknownEmail.status()).isEqualTo(422);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
        assertThat(wrongPassword.json().getString("message")).isEqualTo("The provided credentials are incorrect.");
    }

    @Test
    void sixRapidFailuresForOneEmailAreThrottled() {
        var account = new Accounts(api()).register();
        String wrong = Json.of("email", account.email(), "password", "not the password");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(api().post("api/login", wrong).send().status())
                    .as("attempt " + attempt)
                    .isEqualTo(422);
        }
        var sixth = api().post("api/login", wrong).send();

        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
        assertThat(sixth.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(sixth.json().getString("message")).isNotBlank();
        var evenTheRightPassword = api().post(
                        "api/login", Json.of("email", account.email(), "password", Accounts.PASSWORD))
                .send();
        assertThat(evenTheRightPassword.status()).isEqualTo(429);
    }

    @Test
    void missingFieldsAre422() {
        var reply = api().post("api/login", Json.of("email", "")).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().getJsonObject("errors").keySet()).contains("email", "password");
    }
}
