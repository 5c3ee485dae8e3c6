package dev.lanyard.it.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a response tells a client about its own token: which abilities a refusal lacked (RFC 6750 §3.1) and when
 * the token stops working. The suite's tokens live an hour ({@code lanyard.token.expiration-minutes=60}).
 */
class TokenHintsIT extends MicroTest {

    @Test
    void aMissingAbilityIsNamedInTheChallenge() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String reader = accounts.token(ann, "read:posts");

        var refused = api().post("api/posts", Json.of("title", "t", "body", "b"))
                .bearer(reader)
                .send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.header("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"create:posts\"");
        assertThat(refused.json().getString("message")).isNotBlank();
    }

    @Test
    void aMissingRoleIsNoScopeToAskFor() {
        var ann = new Accounts(api()).register();

        var refused = api().get("api/admin/users").bearer(ann.token()).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void everyAuthenticatedResponseSaysWhenTheTokenExpires() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        Instant soon = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        var created = api().post(
                        "api/tokens",
                        Json.of("name", "short", "abilities", List.of("read:posts"), "expires_at", soon.toString()))
                .bearer(ann.token())
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String shortLived = created.json().getString("plain_text_token");

        var user = api().get("api/user").bearer(shortLived).send();
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.header("X-Token-Expires-At").map(Instant::parse)).hasValue(soon);

        var refused = api().post("api/posts", Json.of("title", "t", "body", "b"))
                .bearer(shortLived)
                .send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("X-Token-Expires-At").map(Instant::parse))
                .as("on a refusal too")
                .hasValue(soon);

        // Without an expiry of its own, the token ends with the suite's one-hour lifetime.
        var login = api().get("api/user").bearer(ann.token()).send();
        assertThat(login.header("X-Token-Expires-At").map(Instant::parse))
                .hasValueSatisfying(expiry -> assertThat(expiry)
                        .isBetween(
                                Instant.now().plus(Duration.ofMinutes(55)),
                                Instant.now().plus(Duration.ofHours(1))));
        assertThat(api().get("api/ping").send().header("X-Token-Expires-At"))
                .as("no token, no expiry")
                .isEmpty();
    }
}
