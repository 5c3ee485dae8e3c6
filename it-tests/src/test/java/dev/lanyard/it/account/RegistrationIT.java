package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class RegistrationIT extends MicroTest {

    private static final String PASSWORD = Accounts.PASSWORD;

    @Test
    void registeringAnswersTheUserAndAWorkingToken() {
        String email = Accounts.uniqueEmail();
        var reply = api().post(
                        "api/register",
                        Json.of("name", "Ann", "email", email, "password", PASSWORD, "password_confirmation", PASSWORD))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/user"));
        JsonObject user = reply.json().getJsonObject("user");
        assertThat(user.getString("email")).isEqualTo(email);
        assertThat(user.getString("name")).isEqualTo("Ann");
        assertThat(user.keySet()).doesNotContain("password", "password_hash");
        assertThat(reply.body()).doesNotContain("$2");
        String token = reply.json().getString("token");
        assertThat(token).matches("\\d+\\|lny_[A-Za-z0-9]{40}[0-9a-f]{8}");

        var me = api().get("api/user").bearer(token).send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("email")).isEqualTo(email);
    }

    @Test
    void anEmailIsTakenWhateverItsCase() {
        String email = Accounts.uniqueEmail();
        new Accounts(api()).register(email);

        var reply = api().post(
                        "api/register",
                        Json.of(
                                "name",
                                "Ann",
                                "email",
                                email.toUpperCase(),
                                "password",
                                PASSWORD,
                                "password_confirmation",
                                PASSWORD))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().getJsonObject("errors").getJsonArray("email").getString(0))
                .isEqualTo("The email has already been taken.");
    }

    @Test
    void anExtraRolesFieldGrantsNothing() {
        var reply = api().post(
                        "api/register",
                        Json.of(
                                "name",
                                "Mallory",
                                "email",
                                Accounts.uniqueEmail(),
                                "password",
                                PASSWORD,
                                "password_confirmation",
                                PASSWORD,
                                "roles",
                                java.util.List.of("admin")))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getJsonObject("user").getJsonArray("roles")).isEmpty();
        var admin = api().get("api/admin/audit")
                .bearer(reply.json().getString("token"))
                .send();
        assertThat(admin.status()).as(admin.toString()).isEqualTo(403);
    }

    @Test
    void invalidFieldsAnswer422InLaravelsShape() {
        var reply = api().post(
                        "api/register",
                        Json.of(
                                "name",
                                "",
                                "email",
                                "not-an-email",
                                "password",
                                "short",
                                "password_confirmation",
                                "short"))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        JsonObject errors = reply.json().getJsonObject("errors");
        assertThat(errors.keySet()).contains("name", "email");
        assertThat(reply.json().getString("message")).isNotBlank();
    }

    @Test
    void passwordRulesAreEnforced() {
        assertThat(passwordErrors("short1", "short1")).contains("The password field must be at least 8 characters.");
        assertThat(passwordErrors("password123", "password123"))
                .contains("The given password is too common. Please choose a different password.");
        assertThat(passwordErrors(PASSWORD, PASSWORD + "x"))
                .contains("The password field confirmation does not match.");
    }

    @Test
    void longPasswordsWorkInFullBeyondBcrypts72Bytes() {
        String email = Accounts.uniqueEmail();
        String longPassword = "ü".repeat(60) + "-the-end";
        var registered = api().post(
                        "api/register",
                        Json.of(
                                "name",
                                "Ann",
                                "email",
                                email,
                                "password",
                                longPassword,
                                "password_confirmation",
                                longPassword))
                .send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        String differentTail = "ü".repeat(60) + "-THE-END";
        assertThat(api().post("api/login", Json.of("email", email, "password", differentTail))
                        .send()
                        .status())
                .isEqualTo(422);
        assertThat(api().post("api/login", Json.of("email", email, "password", longPassword))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void malformedBodiesAreRefusedWithTheirStatus() {
        var broken = api().send("POST", "api/register", "application/json", "{\"name\":")
                .send();
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        assertThat(broken.json().getString("message")).isNotBlank();

        var notJson =
                api().send("POST", "api/register", "text/plain", "name=Ann").send();
        assertThat(notJson.status()).as(notJson.toString()).isEqualTo(415);

        var huge = api().send("POST", "api/register", "application/json", Json.of("name", "x".repeat(70_000)))
                .send();
        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);

        var empty = api().send("POST", "api/register", "application/json", "").send();
        assertThat(empty.status()).as(empty.toString()).isIn(400, 422);
        assertThat(empty.body()).doesNotContain("Exception");
    }

    private java.util.List<String> passwordErrors(String password, String confirmation) {
        var reply = api().post(
                        "api/register",
                        Json.of(
                                "name",
                                "Ann",
                                "email",
                                Accounts.uniqueEmail(),
                                "password",
                                password,
                                "password_confirmation",
                                confirmation))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        return reply
                .json()
                .getJsonObject("errors")
                .getJsonArray("password")
                .getValuesAs(jakarta.json.JsonString.class)
                .stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }
}
