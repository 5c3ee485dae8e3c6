package dev.lanyard.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientsIT extends MicroTest {

    @Test
    void anAdminCreatesAClientWhoseTokenIsShownOnce() {
        var reply = api().post(
                        "api/admin/clients", Json.of("name", "storefront", "abilities", List.of("read:inventory")))
                .bearer(Admin.token(api()))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject client = reply.json().getJsonObject("client");
        assertThat(client.getString("name")).isEqualTo("storefront");
        assertThat(client.getJsonNumber("tokens").longValue()).isEqualTo(1);
        assertThat(reply.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/admin/clients/" + client.getJsonNumber("id")));
        assertThat(reply.json().getString("token")).matches("\\d+\\|lny_[A-Za-z0-9]{48}");

        var list = api().get("api/admin/clients?per_page=100")
                .bearer(Admin.token(api()))
                .send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().getJsonObject("meta").getJsonNumber("total").longValue())
                .isPositive();
    }

    @Test
    void clientsArePaginatedAndSearchableByName() {
        String tag = "Shop-" + System.nanoTime();
        createClient(tag + " north", "read:inventory");
        createClient(tag + " south", "read:inventory");
        String admin = Admin.token(api());

        var found = api().get("api/admin/clients?per_page=1&search=" + tag.toLowerCase())
                .bearer(admin)
                .send();
        var second = api().get("api/admin/clients?per_page=1&page=2&search=" + tag)
                .bearer(admin)
                .send();
        var tooLong = api().get("api/admin/clients?search=" + "x".repeat(256))
                .bearer(admin)
                .send();

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().getJsonObject("meta").getInt("total")).isEqualTo(2);
        assertThat(found.json().getJsonArray("data").getJsonObject(0).getString("name"))
                .isEqualTo(tag + " north");
        assertThat(second.json().getJsonArray("data").getJsonObject(0).getString("name"))
                .isEqualTo(tag + " south");
        assertThat(tooLong.status()).isEqualTo(422);
    }

    @Test
    void aClientTokenWithReadInventoryListsInventory() {
        String token = createClient("storefront", "read:inventory");

        var list = api().get("api/inventory").bearer(token).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().getJsonArray("data")).isNotEmpty();
        long firstId = list.json()
                .getJsonArray("data")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        assertThat(api().get("api/inventory/" + firstId).bearer(token).send().status())
                .isEqualTo(200);

        assertThat(api().get("api/inventory")
                        .bearer(createClient("everything", "*"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api().get("api/inventory")
                        .bearer(createClient("blog", "read:posts"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().get("api/inventory").send().status()).isEqualTo(401);
    }

    @Test
    void aClientTokenNeverReachesUserOnlyEndpoints() {
        String token = createClient("reporting", "*");

        for (String path :
                List.of("api/user", "api/tokens", "api/dashboard", "api/audit", "api/transactions", "api/posts")) {
            var reply = api().get(path).bearer(token).send();
            assertThat(reply.status()).as(path + " " + reply).isEqualTo(403);
        }
        assertThat(api().post("api/tokens", Json.of("name", "x"))
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().post("api/logout").bearer(token).send().status()).isEqualTo(403);
        assertThat(api().post("api/transactions", Json.of("product_id", 1, "quantity", 1))
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().get("api/admin/clients").bearer(token).send().status()).isEqualTo(403);
    }

    @Test
    void deletingAClientMakesEveryOneOfItsTokensAnswer401() {
        String admin = Admin.token(api());
        var created = api().post("api/admin/clients", Json.of("name", "doomed"))
                .bearer(admin)
                .send()
                .json();
        long id = created.getJsonObject("client").getJsonNumber("id").longValue();
        String first = created.getString("token");
        String second = api().post("api/admin/clients/" + id + "/tokens", Json.of("name", "second"))
                .bearer(admin)
                .send()
                .json()
                .getString("plain_text_token");
        assertThat(api().get("api/user").bearer(first).send().status()).isEqualTo(403);

        var deleted = api().delete("api/admin/clients/" + id).bearer(admin).send();

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(first).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(second).send().status()).isEqualTo(401);
        assertThat(api().delete("api/admin/clients/" + id).bearer(admin).send().status())
                .isEqualTo(404);
    }

    @Test
    void aClientTokenIsRotatedByIssuingANewOneAndRevokingTheOld() {
        String admin = Admin.token(api());
        var created = api().post(
                        "api/admin/clients", Json.of("name", "rotating", "abilities", List.of("read:inventory")))
                .bearer(admin)
                .send()
                .json();
        long id = created.getJsonObject("client").getJsonNumber("id").longValue();
        String old = created.getString("token");

        var issued = api().post(
                        "api/admin/clients/" + id + "/tokens",
                        Json.of("name", "2026-12", "abilities", List.of("read:inventory")))
                .bearer(admin)
                .send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().getJsonObject("token").getString("name")).isEqualTo("2026-12");
        long oldId = Long.parseLong(old.substring(0, old.indexOf('|')));

        assertThat(api().delete("api/admin/tokens/" + oldId)
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(200);
        var tokens = api().get("api/admin/tokens?owner_id=" + id).bearer(admin).send();
        assertThat(tokens.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.getString("name")).isEqualTo("2026-12");
                    assertThat(t.getString("owner_kind")).isEqualTo("client");
                });
    }

    @Test
    void clientManagementIsForAdminsWithTheAdminAbility() {
        var user = new Accounts(api()).register();
        assertThat(api().get("api/admin/clients").send().status()).isEqualTo(401);
        assertThat(api().get("api/admin/clients").bearer(user.token()).send().status())
                .isEqualTo(403);
        var invalid = api().post("api/admin/clients", Json.of("name", ""))
                .bearer(Admin.token(api()))
                .send();
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.json().getJsonObject("errors").keySet()).containsExactly("name");
    }

    private String createClient(String name, String... abilities) {
        var reply = api().post("api/admin/clients", Json.of("name", name, "abilities", List.of(abilities)))
                .bearer(Admin.token(api()))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("token");
    }
}
