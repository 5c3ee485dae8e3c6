package dev.lanyard.it.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InventoryIT extends MicroTest {

    @Test
    void aUserTokenWithReadInventoryOrEveryAbilityListsTheInventory() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String reader = accounts.token(ann, "read:inventory");

        var listed = api().get("api/inventory?per_page=100").bearer(reader).send();
        var everything = api().get("api/inventory").bearer(ann.token()).send();

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(everything.status()).as(everything.toString()).isEqualTo(200);
        List<JsonObject> products = listed.json().getJsonArray("data").getValuesAs(JsonObject.class);
        assertThat(products.get(0).keySet()).containsExactlyInAnyOrder("id", "sku", "name", "price", "stock");
        assertThat(products)
                .filteredOn(p -> p.getString("sku").equals("TEE-BLK-M"))
                .singleElement()
                .satisfies(tee ->
                        assertThat(tee.getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("19.99"));
        assertThat(listed.json().getJsonObject("meta").getJsonNumber("total").longValue())
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void aTokenWithoutReadInventoryIsRefusedAndNoTokenIsUnauthenticated() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String postsOnly = accounts.token(ann, "read:posts");

        var refused = api().get("api/inventory").bearer(postsOnly).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().getString("message")).isNotBlank();
        assertThat(api().get("api/inventory/1").bearer(postsOnly).send().status())
                .isEqualTo(403);
        var anonymous = api().get("api/inventory").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(api().get("api/inventory/1").send().status()).isEqualTo(401);
    }

    @Test
    void theListIsPaginatedInIdOrder() {
        var ann = new Accounts(api()).register();

        var page1 = api().get("api/inventory?per_page=2").bearer(ann.token()).send();
        var page2 =
                api().get("api/inventory?page=2&per_page=2").bearer(ann.token()).send();

        List<Long> ids = ids(page1.json());
        assertThat(ids).hasSize(2).isSorted();
        assertThat(ids(page2.json()))
                .hasSize(2)
                .isSorted()
                .allSatisfy(id -> assertThat(id).isGreaterThan(ids.get(1)));
        JsonObject meta = page2.json().getJsonObject("meta");
        assertThat(meta.getInt("page")).isEqualTo(2);
        assertThat(meta.getInt("per_page")).isEqualTo(2);
        assertThat(api().get("api/inventory?page=0").bearer(ann.token()).send().status())
                .isEqualTo(422);
    }

    @Test
    void anAdminAddsAndChangesProducts() {
        String admin = Admin.token(api());
        String sku = newSku();

        var added = api().post(
                        "api/inventory",
                        Json.of("sku", sku, "name", "Enamel pin", "price", new BigDecimal("7.5"), "stock", 25))
                .bearer(admin)
                .send();

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonObject product = added.json();
        long id = product.getJsonNumber("id").longValue();
        assertThat(added.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/inventory/" + id));
        assertThat(product.getString("sku")).isEqualTo(sku);
        assertThat(product.getString("name")).isEqualTo("Enamel pin");
        assertThat(product.getJsonNumber("price").bigDecimalValue()).isEqualTo(new BigDecimal("7.50"));
        assertThat(product.getInt("stock")).isEqualTo(25);
        var customer = new Accounts(api()).register();
        assertThat(api().get("api/inventory/" + id)
                        .bearer(customer.token())
                        .send()
                        .json())
                .isEqualTo(product);

        var repriced = api().patch("api/inventory/" + id, Json.of("price", new BigDecimal("8.25"), "stock", 0))
                .bearer(admin)
                .send();
        assertThat(repriced.status()).as(repriced.toString()).isEqualTo(200);
        assertThat(repriced.json().getJsonNumber("price").bigDecimalValue()).isEqualTo(new BigDecimal("8.25"));
        assertThat(repriced.json().getInt("stock")).isZero();
        assertThat(repriced.json().getString("name")).isEqualTo("Enamel pin");

        String renamedSku = newSku();
        var renamed = api().patch("api/inventory/" + id, Json.of("sku", renamedSku, "name", "Enamel pin, gold"))
                .bearer(admin)
                .send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        JsonObject shown =
                api().get("api/inventory/" + id).bearer(customer.token()).send().json();
        assertThat(shown).isEqualTo(renamed.json());
        assertThat(shown.getString("sku")).isEqualTo(renamedSku);
        assertThat(shown.getString("name")).isEqualTo("Enamel pin, gold");
        assertThat(shown.getInt("stock")).isZero();
        var caseOnly = api().patch("api/inventory/" + id, Json.of("sku", renamedSku.toLowerCase()))
                .bearer(admin)
                .send();
        assertThat(caseOnly.status())
                .as("a product may keep its own sku in another case")
                .isEqualTo(200);
    }

    @Test
    void onlyAnAdminWithTheAdminAbilityAddsOrChangesProducts() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String body = Json.of("sku", newSku(), "name", "Pin", "price", new BigDecimal("1.00"), "stock", 1);
        String admin = Admin.token(api());
        String adminReadOnly = accounts.token(new Accounts.Account(0, Admin.EMAIL, admin), "read:inventory");

        var byUser = api().post("api/inventory", body).bearer(ann.token()).send();
        assertThat(byUser.status()).as(byUser.toString()).isEqualTo(403);
        assertThat(byUser.json().getString("message")).isNotBlank();
        assertThat(api().patch("api/inventory/1", Json.of("stock", 0))
                        .bearer(ann.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().post("api/inventory", body)
                        .bearer(adminReadOnly)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().post("api/inventory", body).send().status()).isEqualTo(401);
        assertThat(api().post("api/inventory", body).bearer(admin).send().status())
                .isEqualTo(201);
    }

    @Test
    void pricesRoundTripExactly() {
        String admin = Admin.token(api());

        for (String price : List.of("19.99", "0.10", "0.00", "9999999999.99")) {
            var added = api().post(
                            "api/inventory",
                            Json.of(
                                    "sku",
                                    newSku(),
                                    "name",
                                    "Priced " + price,
                                    "price",
                                    new BigDecimal(price),
                                    "stock",
                                    1))
                    .bearer(admin)
                    .send();
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(added.body()).contains("\"price\":" + price);

            var shown = api().get(added.header("Location").orElseThrow())
                    .bearer(admin)
                    .send();
            JsonValue shownPrice = shown.json().get("price");
            assertThat(shownPrice.getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
            assertThat(shown.json().getJsonNumber("price").bigDecimalValue()).isEqualTo(new BigDecimal(price));
        }
    }

    @Test
    void invalidProductsAre422WithTheFieldsNamed() {
        String admin = Admin.token(api());
        String taken = newSku();
        assertThat(add(admin, taken).status()).isEqualTo(201);

        var missing = api().post("api/inventory", Json.of()).bearer(admin).send();
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.json().getJsonObject("errors").keySet())
                .containsExactlyInAnyOrder("sku", "name", "price", "stock");
        assertThat(missing.json().getJsonObject("errors").getJsonArray("price").getString(0))
                .isEqualTo("The price field is required.");

        assertThat(fieldsRefused(admin, "price", new BigDecimal("-0.01"))).containsExactly("price");
        assertThat(fieldsRefused(admin, "price", new BigDecimal("1.999"))).containsExactly("price");
        assertThat(fieldsRefused(admin, "price", new BigDecimal("10000000000"))).containsExactly("price");
        assertThat(fieldsRefused(admin, "stock", -1)).containsExactly("stock");
        assertThat(fieldsRefused(admin, "stock", new BigDecimal("1.5"))).containsExactly("stock");
        assertThat(fieldsRefused(admin, "stock", 4_294_967_297L)).containsExactly("stock");
        assertThat(fieldsRefused(admin, "sku", "has spaces")).containsExactly("sku");
        assertThat(fieldsRefused(admin, "sku", "x".repeat(65))).containsExactly("sku");
        assertThat(fieldsRefused(admin, "sku", taken.toLowerCase())).containsExactly("sku");

        var wrongType = api().post("api/inventory", Json.of("sku", newSku(), "name", "n", "price", "cheap", "stock", 1))
                .bearer(admin)
                .send();
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
    }

    @Test
    void invalidChangesAre422AndChangeNothing() {
        String admin = Admin.token(api());
        String taken = newSku();
        assertThat(add(admin, taken).status()).isEqualTo(201);
        var product = add(admin, newSku()).json();
        long id = product.getJsonNumber("id").longValue();

        for (String change : List.of(
                Json.of("sku", taken),
                Json.of("price", new BigDecimal("0.001")),
                Json.of("stock", -5),
                Json.of("name", " "))) {
            var refused =
                    api().patch("api/inventory/" + id, change).bearer(admin).send();
            assertThat(refused.status()).as(change + " " + refused).isEqualTo(422);
        }
        assertThat(api().get("api/inventory/" + id).bearer(admin).send().json()).isEqualTo(product);
    }

    @Test
    void unknownProductsAre404() {
        String admin = Admin.token(api());

        assertThat(api().get("api/inventory/999999999").bearer(admin).send().status())
                .isEqualTo(404);
        assertThat(api().patch("api/inventory/999999999", Json.of("stock", 1))
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api().get("api/inventory/tee").bearer(admin).send().status()).isEqualTo(404);
    }

    static String newSku() {
        return "IT-" + UUID.randomUUID();
    }

    private Api.Reply add(String admin, String sku) {
        return api().post(
                        "api/inventory",
                        Json.of("sku", sku, "name", "Product " + sku, "price", new BigDecimal("5.00"), "stock", 10))
                .bearer(admin)
                .send();
    }

    /** The fields named in the 422 for a product that is valid but for one field. */
    private List<String> fieldsRefused(String admin, String field, Object value) {
        var body = new LinkedHashMap<String, Object>();
        body.put("sku", newSku());
        body.put("name", "Product");
        body.put("price", new BigDecimal("5.00"));
        body.put("stock", 10);
        body.put(field, value);
        List<Object> pairs = new ArrayList<>();
        body.forEach((name, v) -> {
            pairs.add(name);
            pairs.add(v);
        });
        var reply = api().post("api/inventory", Json.of(pairs.toArray()))
                .bearer(admin)
                .send();
        assertThat(reply.status()).as(field + "=" + value + ": " + reply).isEqualTo(422);
        return List.copyOf(reply.json().getJsonObject("errors").keySet());
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(product -> product.getJsonNumber("id").longValue())
                .toList();
    }
}
