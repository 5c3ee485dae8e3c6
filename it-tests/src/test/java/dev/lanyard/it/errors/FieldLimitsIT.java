package dev.lanyard.it.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a caller sends is checked against the limits the columns have, and nothing a caller sends can make an
 * audit row overflow: oversized input is a 422 naming the field, never a 503.
 */
class FieldLimitsIT extends MicroTest {

    private static final String NAME_255 = "n".repeat(255);

    @Test
    void aLoginWithA1200CharacterEmailIs422() {
        String email = "a".repeat(1188) + "@example.com";

        var reply = api().post("api/login", Json.of("email", email, "password", Accounts.PASSWORD))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().getJsonObject("errors").getJsonArray("email").getString(0))
                .isEqualTo("The email field must not be greater than 255 characters.");
    }

    @Test
    void aTokenWithTheLongestNameAndTheMostLongestAbilitiesIsCreated() {
        var account = new Accounts(api()).register();

        var created = api().post("api/tokens", Json.of("name", NAME_255, "abilities", abilities(50, 64)))
                .bearer(account.token())
                .send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject token = created.json().getJsonObject("token");
        assertThat(token.getString("name")).isEqualTo(NAME_255);
        assertThat(token.getJsonArray("abilities")).hasSize(50);
        var audit = api().get("api/audit?per_page=100").bearer(account.token()).send();
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .filteredOn(e -> e.getString("type").equals("token.created"))
                .anySatisfy(e -> assertThat(e.getString("detail"))
                        .hasSizeLessThanOrEqualTo(1000)
                        .contains("name=" + NAME_255.substring(0, 100)));
    }

    @Test
    void tooManyOrTooLongAbilitiesOrATooLongNameAre422() {
        var account = new Accounts(api()).register();

        assertThat(refusedFields(api().post("api/tokens", Json.of("name", "t", "abilities", abilities(51, 20)))
                        .bearer(account.token())
                        .send()))
                .containsExactly("abilities");
        assertThat(refusedFields(api().post("api/tokens", Json.of("name", "t", "abilities", abilities(1, 65)))
                        .bearer(account.token())
                        .send()))
                .containsExactly("abilities");
        assertThat(refusedFields(
                        api().post("api/tokens", Json.of("name", NAME_255 + "n", "abilities", abilities(50, 64)))
                                .bearer(account.token())
                                .send()))
                .containsExactly("name");
    }

    @Test
    void aClientWithTheLongestNameAndTheMostLongestAbilitiesIsCreatedOrRefusedWith422() {
        String admin = Admin.token(api());

        var created = api().post("api/admin/clients", Json.of("name", NAME_255, "abilities", abilities(50, 64)))
                .bearer(admin)
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getJsonObject("client").getString("name")).isEqualTo(NAME_255);

        assertThat(refusedFields(
                        api().post("api/admin/clients", Json.of("name", NAME_255, "abilities", abilities(51, 64)))
                                .bearer(admin)
                                .send()))
                .containsExactly("abilities");
        assertThat(refusedFields(api().post("api/admin/clients", Json.of("name", NAME_255 + "n"))
                        .bearer(admin)
                        .send()))
                .containsExactly("name");
    }

    @Test
    void whateverSizeTheCallerSendsTheAuditTrailKeepsAFittingPart() {
        var account = new Accounts(api()).register();
        String userAgent = "agent/" + "x".repeat(4000);

        var login = api().post(
                        "api/login",
                        Json.of("email", account.email(), "password", Accounts.PASSWORD, "device_name", NAME_255))
                .header("User-Agent", userAgent)
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        var failed = api().post("api/login", Json.of("email", account.email(), "password", "w".repeat(4000)))
                .header("User-Agent", userAgent)
                .send();
        assertThat(failed.status()).as(failed.toString()).isEqualTo(422);

        var audit = api().get("api/audit?per_page=100").bearer(account.token()).send();
        assertThat(audit.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .filteredOn(e -> e.getString("type").startsWith("login."))
                .hasSize(2)
                .allSatisfy(
                        e -> assertThat(e.getString("user_agent")).hasSize(512).startsWith("agent/xxx"));
    }

    private static List<String> abilities(int count, int length) {
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    String prefix = "ability." + i + ":";
                    return prefix + "x".repeat(length - prefix.length());
                })
                .toList();
    }

    private static List<String> refusedFields(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        return List.copyOf(reply.json().getJsonObject("errors").keySet());
    }
}
