package dev.lanyard.it.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthenticationIT extends MicroTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "|",
                "test",
                "|test",
                "1ABC|test",
                "1ABC|",
                "1,2|test",
                "Bearer",
                "Bearer |test",
                "Bearer 1,2|test",
                "Bearer 1ABC|test",
                "Bearer 1ABC|"
            })
    void malformedAuthorizationIsUnauthenticated(String authorization) {
        var reply = api().get("api/user").header("Authorization", authorization).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().getString("message")).isEqualTo("Unauthenticated.");
        assertThat(reply.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void noCredentialIsAPlainChallenge() {
        var reply = api().get("api/user").send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aSentTokenThatFailsIsAnInvalidTokenChallenge() {
        var reply = api().get("api/user")
                .bearer("1|lny_" + "a".repeat(40) + "00000000")
                .send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void aTokenWhoseIdIsSwappedForAnothersIsRefused() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        var bob = accounts.register();
        String annSecret = ann.token().substring(ann.token().indexOf('|') + 1);
        String bobId = bob.token().substring(0, bob.token().indexOf('|'));

        var reply = api().get("api/user").bearer(bobId + "|" + annSecret).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    }

    @Test
    void theSecretAloneIsFoundByItsHash() {
        var ann = new Accounts(api()).register();
        String secret = ann.token().substring(ann.token().indexOf('|') + 1);

        var reply = api().get("api/user").bearer(secret).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("email")).isEqualTo(ann.email());
    }

    @Test
    void aRevokedTokenIsRefusedOnTheVeryNextRequest() {
        var ann = new Accounts(api()).register();

        assertThat(api().post("api/logout").bearer(ann.token()).send().status()).isEqualTo(200);

        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(401);
    }

    @Test
    void aTokenPastItsOwnExpiryIsRefused() throws SQLException {
        var ann = new Accounts(api()).register();
        sql("UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = " + idOf(ann.token()));

        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(401);
    }

    @Test
    void aTokenOlderThanTheGlobalExpirationIsRefused() throws SQLException {
        var ann = new Accounts(api()).register();
        // The suite's lanyard.token.expiration-minutes is 60.
        sql("UPDATE access_tokens SET created_at = now() - interval '61 minutes' WHERE id = " + idOf(ann.token()));

        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(401);
    }

    @Test
    void aTokenWithinBothExpiriesWorks() throws SQLException {
        var ann = new Accounts(api()).register();
        sql("UPDATE access_tokens SET created_at = now() - interval '59 minutes',"
                + " expires_at = now() + interval '1 hour' WHERE id = " + idOf(ann.token()));

        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(200);
    }

    @Test
    void unprotectedEndpointsIgnoreABadToken() {
        var reply = api().get("api/ping").bearer("garbage").send();

        assertThat(reply.status()).isEqualTo(200);
    }

    static long idOf(String token) {
        return Long.parseLong(token.substring(0, token.indexOf('|')));
    }

    static void sql(String statement) throws SQLException {
        try (var connection = SuiteDatabase.current().connect();
                var s = connection.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
