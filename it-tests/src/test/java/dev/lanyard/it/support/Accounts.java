package dev.lanyard.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

/** Users made over the API for one test each: a fresh email every time, so tests share nothing. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final Api api;

    public Accounts(Api api) {
        this.api = api;
    }

    /** A user registered just now, and the token registration gave them. */
    public record Account(long id, String email, String token) {}

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public Account register() {
        return register(uniqueEmail());
    }

    public Account register(String email) {
        var reply = api.post(
                        "api/register",
                        Json.of(
                                "name",
                                "Test User",
                                "email",
                                email,
                                "password",
                                PASSWORD,
                                "password_confirmation",
                                PASSWORD))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        var body = reply.json();
        return new Account(body.getJsonObject("user").getJsonNumber("id").longValue(), email, body.getString("token"));
    }

    /** A further token of the account's, with the given abilities. */
    public String token(Account account, String... abilities) {
        var reply = api.post("api/tokens", Json.of("name", "test", "abilities", List.of(abilities)))
                .bearer(account.token())
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("plain_text_token");
    }

    /** Sets a new password with the token of a reset mail; the reply is the test's to judge. */
    public Api.Reply resetPassword(String token, String email, String password) {
        return api.post(
                        "api/reset-password",
                        Json.of(
                                "token",
                                token,
                                "email",
                                email,
                                "password",
                                password,
                                "password_confirmation",
                                password))
                .send();
    }
}
