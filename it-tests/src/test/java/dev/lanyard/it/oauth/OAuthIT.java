package dev.lanyard.it.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7662 introspection and RFC 7009 revocation over HTTP, form-encoded as the RFCs define them. */
class OAuthIT extends MicroTest {

    private static final String INACTIVE = "{\"active\":false}";

    @Test
    void introspectingAUserTokenTellsWhoseItIsWhatItMayDoAndWhenItEnds() {
        String resourceServer = client("resource server", "introspect");
        var user = new Accounts(api()).register();
        String limited = new Accounts(api()).token(user, "read:posts", "create:posts");
        long before = Instant.now().getEpochSecond();

        var reply = introspect(resourceServer, limited);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).hasValue("no-store");
        var body = reply.json();
        assertThat(body.getBoolean("active")).isTrue();
        assertThat(body.getString("scope")).isEqualTo("read:posts create:posts");
        assertThat(body.getString("username")).isEqualTo(user.email());
        assertThat(body.getString("sub")).isEqualTo("user:" + user.id());
        assertThat(body.getString("token_type")).isEqualTo("Bearer");
        assertThat(body.containsKey("client_id")).isFalse();
        long iat = body.getJsonNumber("iat").longValue();
        assertThat(iat).isBetween(before - 5, before + 5);
        // The suite's tokens live 60 minutes, and one made by another token ends when its maker does: the
        // registration's token, made a moment before (across a second's boundary, now and then).
        assertThat(body.getJsonNumber("exp").longValue()).isBetween(iat + 3600 - 5, iat + 3600);
    }

    @Test
    void introspectingAClientTokenNamesTheClient() {
        String resourceServer = client("resource server", "introspect");
        var created = createClient("storefront", "read:inventory");

        var body = introspect(resourceServer, created.token()).json();

        assertThat(body.getBoolean("active")).isTrue();
        assertThat(body.getString("client_id")).isEqualTo(String.valueOf(created.id()));
        assertThat(body.getString("sub")).isEqualTo("client:" + created.id());
        assertThat(body.getString("scope")).isEqualTo("read:inventory");
        assertThat(body.containsKey("username")).isFalse();
    }

    @Test
    void anythingThatWouldNotAuthenticateIsInactiveAndNothingMore() throws SQLException {
        String resourceServer = client("resource server", "introspect");
        var accounts = new Accounts(api());
        var loggedOut = accounts.register();
        assertThat(api().post("api/logout").bearer(loggedOut.token()).send().status())
                .isEqualTo(200);
        var expiring = accounts.register();
        SuiteDatabase.update("UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = "
                + idOf(expiring.token()));
        String valid = accounts.register().token();
        String wrongSecret = valid.substring(0, valid.length() - 9) + "00000000";

        for (String token : List.of(
                loggedOut.token(),
                expiring.token(),
                wrongSecret,
                "not a token",
                "999999999|lny_" + "a".repeat(40) + "00000000",
                valid.substring(valid.indexOf('|') + 1) + "x")) {
            var reply = introspect(resourceServer, token);
            assertThat(reply.status()).as(token + " " + reply).isEqualTo(200);
            assertThat(reply.body()).as(token).isEqualTo(INACTIVE);
        }
        assertThat(introspect(resourceServer, valid).json().getBoolean("active"))
                .isTrue();
    }

    @Test
    void onlyAnApiClientWithAbilityIntrospectMayIntrospect() {
        var user = new Accounts(api()).register();

        var anonymous = form("api/oauth/introspect", null, user.token());
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.json().getString("message")).isEqualTo("Unauthenticated.");
        assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer");

        var asUser = introspect(user.token(), user.token());
        assertThat(asUser.status()).as(asUser.toString()).isEqualTo(403);
        assertThat(asUser.json().containsKey("message")).isTrue();

        var withoutAbility = introspect(client("storefront", "read:inventory"), user.token());
        assertThat(withoutAbility.status()).as(withoutAbility.toString()).isEqualTo(403);

        var revokedCaller = createClient("retired", "introspect");
        assertThat(api().delete("api/admin/clients/" + revokedCaller.id())
                        .bearer(Admin.token(api()))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(introspect(revokedCaller.token(), user.token()).status()).isEqualTo(401);
    }

    @Test
    void aMissingTokenIsAValidationErrorAndJsonIsNotAccepted() {
        String resourceServer = client("resource server", "introspect");

        for (String path : List.of("api/oauth/introspect", "api/oauth/revoke")) {
            var missing = form(path, resourceServer, null);
            assertThat(missing.status()).as(path + " " + missing).isEqualTo(422);
            assertThat(missing.json()
                            .getJsonObject("errors")
                            .getJsonArray("token")
                            .getString(0))
                    .isEqualTo("The token field is required.");
            var json = api().post(path, Json.of("token", "x"))
                    .bearer(resourceServer)
                    .send();
            assertThat(json.status()).as(path + " " + json).isEqualTo(415);
        }
    }

    @Test
    void aUserRevokesTheirOwnTokenButNoOneElses() {
        var accounts = new Accounts(api());
        var owner = accounts.register();
        String other = accounts.token(owner, "read:posts");
        var stranger = accounts.register();

        var foreign = form("api/oauth/revoke", stranger.token(), other);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(other).send().status()).isEqualTo(200);

        var own = form("api/oauth/revoke", owner.token(), other);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(other).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(owner.token()).send().status()).isEqualTo(200);
    }

    @Test
    void anApiClientRevokesAnyTokenAndIntrospectionThenSaysInactive() {
        String resourceServer = client("resource server", "introspect");
        var user = new Accounts(api()).register();

        var reply = form("api/oauth/revoke", resourceServer, user.token());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(user.token()).send().status()).isEqualTo(401);
        assertThat(introspect(resourceServer, user.token()).body()).isEqualTo(INACTIVE);
    }

    @Test
    void revocationAnswers200ForAnyTokenButNeedsACaller() {
        String resourceServer = client("resource server", "introspect");
        var user = new Accounts(api()).register();

        for (String token :
                List.of("not a token", "1|lny_" + "b".repeat(40) + "00000000", user.token(), user.token())) {
            var reply = form("api/oauth/revoke", resourceServer, token);
            assertThat(reply.status()).as(token + " " + reply).isEqualTo(200);
        }
        var anonymous = form("api/oauth/revoke", null, "anything");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().getString("message")).isEqualTo("Unauthenticated.");
    }

    private Api.Reply introspect(String caller, String token) {
        return form("api/oauth/introspect", caller, token);
    }

    private Api.Reply form(String path, String caller, String token) {
        String body = token == null ? "" : "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var call = api().send("POST", path, "application/x-www-form-urlencoded", body);
        return (caller == null ? call : call.bearer(caller)).send();
    }

    private String client(String name, String... abilities) {
        return createClient(name, abilities).token();
    }

    private record Client(long id, String token) {}

    private Client createClient(String name, String... abilities) {
        var reply = api().post("api/admin/clients", Json.of("name", name, "abilities", List.of(abilities)))
                .bearer(Admin.token(api()))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return new Client(
                reply.json().getJsonObject("client").getJsonNumber("id").longValue(),
                reply.json().getString("token"));
    }

    private static long idOf(String token) {
        return Long.parseLong(token.substring(0, token.indexOf('|')));
    }
}
