package dev.lanyard.it.token;

import static dev.lanyard.it.token.BearerAuthenticationIT.idOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SpaClient;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A token cannot outlive or out-rank what it manages, and a browser session is no bearer token anywhere. The
 * suite's tokens live an hour ({@code lanyard.token.expiration-minutes=60}).
 */
class TokenPrivilegeIT extends MicroTest {

    private static final String APP = "https://test.com/app";

    @Test
    void aTokenCannotMintOneThatOutlivesIt() {
        var ann = new Accounts(api()).register();
        Instant end = Instant.now().plus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String limited = created(create(ann.token(), "read:posts", end)).getString("plain_text_token");

        var inherited = create(limited, "read:posts", null);
        assertThat(inherited.status()).as(inherited.toString()).isEqualTo(201);
        assertThat(expiresAt(inherited)).as("an absent expiry is the caller's").isEqualTo(end);

        var later = create(limited, "read:posts", end.plusSeconds(1));
        assertThat(later.status()).as(later.toString()).isEqualTo(422);
        assertThat(later.json()
                        .getJsonObject("errors")
                        .getJsonArray("expires_at")
                        .getString(0))
                .isEqualTo("The expires at field must be a date before or equal to " + end + ".");

        var sooner = create(limited, "read:posts", end.minusSeconds(60));
        assertThat(sooner.status()).as(sooner.toString()).isEqualTo(201);
        assertThat(expiresAt(sooner)).isEqualTo(end.minusSeconds(60));

        // A browser session is the account holder signed in, not a delegate: the web UI makes long-lived tokens.
        Instant inNinetyDays = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var fromWebUi = signedIn(ann)
                .send(api().post(
                                "api/tokens",
                                Json.of(
                                        "name",
                                        "deploy script",
                                        "abilities",
                                        List.of("create:posts"),
                                        "expires_at",
                                        inNinetyDays.toString())));
        assertThat(fromWebUi.status()).as(fromWebUi.toString()).isEqualTo(201);
        assertThat(expiresAt(fromWebUi)).isEqualTo(inNinetyDays);
    }

    @Test
    void theCallersLifetimeBoundsWhatItMintsToo() throws SQLException {
        var ann = new Accounts(api()).register();
        Instant created = SuiteDatabase.now().minus(Duration.ofMinutes(10));
        SuiteDatabase.update(
                "UPDATE access_tokens SET created_at = now() - interval '10 minutes' WHERE id = " + idOf(ann.token()));
        Instant end = created.plus(Duration.ofMinutes(60));

        var minted = create(ann.token(), "read:posts", null);

        assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
        assertThat(Duration.between(end, expiresAt(minted)).abs())
                .as("ends with the caller, an hour after it was" + " created")
                .isLessThan(Duration.ofSeconds(2));
        var later = create(ann.token(), "read:posts", Instant.now().plus(55, ChronoUnit.MINUTES));
        assertThat(later.status()).as(later.toString()).isEqualTo(422);
        assertThat(later.json().getJsonObject("errors").keySet()).containsExactly("expires_at");
    }

    @Test
    void aTokenChangesAndRevokesOnlyTokensItsAbilitiesCover() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String reader = accounts.token(ann, "read:posts");
        String writer = accounts.token(ann, "read:posts", "create:posts");
        String peer = accounts.token(ann, "read:posts");

        for (String target : List.of(ann.token(), writer)) {
            var strip = api().patch("api/tokens/" + idOf(target), Json.of("abilities", List.of("read:posts")))
                    .bearer(reader)
                    .send();
            assertThat(strip.status()).as(strip.toString()).isEqualTo(403);
            var rename = api().patch("api/tokens/" + idOf(target), Json.of("name", "mine now"))
                    .bearer(reader)
                    .send();
            assertThat(rename.status()).as(rename.toString()).isEqualTo(403);
            var revoke =
                    api().delete("api/tokens/" + idOf(target)).bearer(reader).send();
            assertThat(revoke.status()).as(revoke.toString()).isEqualTo(403);
        }
        assertThat(abilitiesOf(ann.token(), idOf(ann.token()))).containsExactly("*");
        assertThat(abilitiesOf(ann.token(), idOf(writer))).containsExactly("read:posts", "create:posts");
        assertThat(api().post("api/posts", Json.of("title", "t", "body", "b"))
                        .bearer(writer)
                        .send()
                        .status())
                .isEqualTo(201);

        var renamed = api().patch("api/tokens/" + idOf(peer), Json.of("name", "renamed"))
                .bearer(reader)
                .send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        var revoked = api().delete("api/tokens/" + idOf(peer)).bearer(reader).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        var byWriter = api().delete("api/tokens/" + idOf(reader)).bearer(writer).send();
        assertThat(byWriter.status()).as(byWriter.toString()).isEqualTo(200);

        // The web UI's token list, with a browser session (which has *): every token of the account.
        SpaClient browser = signedIn(ann);
        var renamedInUi = browser.send(api().patch("api/tokens/" + idOf(ann.token()), Json.of("name", "laptop")));
        assertThat(renamedInUi.status()).as(renamedInUi.toString()).isEqualTo(200);
        var revokedInUi = browser.send(api().delete("api/tokens/" + idOf(writer)));
        assertThat(revokedInUi.status()).as(revokedInUi.toString()).isEqualTo(200);
    }

    @Test
    void logoutAllNeedsTheWildcard() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String reader = accounts.token(ann, "read:posts");

        var refused = api().post("api/logout-all").bearer(reader).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(api().get("api/user").bearer(ann.token()).send().status()).isEqualTo(200);
        var done = api().post("api/logout-all").bearer(ann.token()).send();
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(reader).send().status()).isEqualTo(401);

        var bob = accounts.register();
        SpaClient browser = signedIn(bob);
        var fromWebUi = browser.send(api().post("api/logout-all"));
        assertThat(fromWebUi.status())
                .as("a browser session has *: " + fromWebUi)
                .isEqualTo(200);
        assertThat(api().get("api/user").bearer(bob.token()).send().status()).isEqualTo(401);
    }

    @Test
    void introspectionCallsABrowserSessionInactive() {
        var ann = new Accounts(api()).register();
        SpaClient spa = signedIn(ann);
        String session = URLDecoder.decode(spa.cookie("lanyard_session").orElseThrow(), StandardCharsets.UTF_8);
        String resourceServer = client("resource server", "introspect");

        var reply = api().send(
                        "POST",
                        "api/oauth/introspect",
                        "application/x-www-form-urlencoded",
                        "token=" + URLEncoder.encode(session, StandardCharsets.UTF_8))
                .bearer(resourceServer)
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"active\":false}");
        assertThat(spa.send(api().get("api/user")).status())
                .as("the session itself still works")
                .isEqualTo(200);
        var token = api().send(
                        "POST",
                        "api/oauth/introspect",
                        "application/x-www-form-urlencoded",
                        "token=" + URLEncoder.encode(ann.token(), StandardCharsets.UTF_8))
                .bearer(resourceServer)
                .send();
        assertThat(token.json().getBoolean("active")).isTrue();
    }

    private Api.Reply create(String caller, String ability, Instant expiresAt) {
        String body = expiresAt == null
                ? Json.of("name", "minted", "abilities", List.of(ability))
                : Json.of("name", "minted", "abilities", List.of(ability), "expires_at", expiresAt.toString());
        return api().post("api/tokens", body).bearer(caller).send();
    }

    private static JsonObject created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static Instant expiresAt(Api.Reply reply) {
        JsonObject token = reply.json().getJsonObject("token");
        assertThat(token.isNull("expires_at")).as("never expires: " + reply).isFalse();
        return Instant.parse(token.getString("expires_at"));
    }

    private List<String> abilitiesOf(String caller, long id) {
        var list = api().get("api/tokens").bearer(caller).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow()
                .getJsonArray("abilities")
                .getValuesAs(JsonString.class)
                .stream()
                .map(JsonString::getString)
                .toList();
    }

    private SpaClient signedIn(Accounts.Account account) {
        return SpaClient.signedIn(api(), APP, account);
    }

    private String client(String name, String... abilities) {
        var reply = api().post("api/admin/clients", Json.of("name", name, "abilities", List.of(abilities)))
                .bearer(Admin.token(api()))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("token");
    }
}
