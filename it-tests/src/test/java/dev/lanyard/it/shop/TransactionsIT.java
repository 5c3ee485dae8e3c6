package dev.lanyard.it.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TransactionsIT extends MicroTest {

    @Test
    void placingAnOrderTakesItFromStock() throws SQLException {
        var product = addProduct("19.99", 5);
        var ann = new Accounts(api()).register();

        var placed = order(ann.token(), product.id(), 2);

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonObject order = placed.json();
        long id = order.getJsonNumber("id").longValue();
        assertThat(placed.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/transactions/" + id));
        assertThat(order.keySet())
                .containsExactlyInAnyOrder("id", "product", "quantity", "unit_price", "total", "created_at");
        assertThat(order.getJsonObject("product").keySet()).containsExactlyInAnyOrder("id", "sku", "name");
        assertThat(order.getJsonObject("product").getJsonNumber("id").longValue())
                .isEqualTo(product.id());
        assertThat(order.getJsonObject("product").getString("sku")).isEqualTo(product.sku());
        assertThat(order.getInt("quantity")).isEqualTo(2);
        assertThat(order.getJsonNumber("unit_price").bigDecimalValue()).isEqualTo(new BigDecimal("19.99"));
        assertThat(order.getJsonNumber("total").bigDecimalValue()).isEqualTo(new BigDecimal("39.98"));
        assertThat(stockOf(product.id())).isEqualTo(3);
        assertThat(api().get(placed.header("Location").orElseThrow())
                        .bearer(ann.token())
                        .send()
                        .json())
                .isEqualTo(order);
    }

    @Test
    void aCustomerListsOnlyTheirOwnOrdersNewestFirst() {
        var product = addProduct("4.00", 100);
        var accounts = new Accounts(api());
        var ann = accounts.register();
        var bob = accounts.register();
        long first = idOf(order(ann.token(), product.id(), 1));
        long bobs = idOf(order(bob.token(), product.id(), 1));
        long second = idOf(order(ann.token(), product.id(), 2));
        long third = idOf(order(ann.token(), product.id(), 3));

        var page1 = api().get("api/transactions?per_page=2").bearer(ann.token()).send();
        var page2 = api().get("api/transactions?page=2&per_page=2")
                .bearer(ann.token())
                .send();

        assertThat(page1.status()).as(page1.toString()).isEqualTo(200);
        assertThat(ids(page1.json())).containsExactly(third, second);
        assertThat(ids(page2.json())).containsExactly(first);
        JsonObject meta = page1.json().getJsonObject("meta");
        assertThat(meta.getInt("page")).isEqualTo(1);
        assertThat(meta.getInt("per_page")).isEqualTo(2);
        assertThat(meta.getJsonNumber("total").longValue()).isEqualTo(3);
        assertThat(ids(api().get("api/transactions").bearer(bob.token()).send().json()))
                .containsExactly(bobs);
        var othersOrder =
                api().get("api/transactions/" + first).bearer(bob.token()).send();
        assertThat(othersOrder.status()).as(othersOrder.toString()).isEqualTo(404);
        assertThat(api().get("api/transactions/999999999")
                        .bearer(bob.token())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anOrderBeyondTheStockIsAConflictAndTakesNothing() throws SQLException {
        var product = addProduct("49.00", 1);
        var ann = new Accounts(api()).register();

        var tooMany = order(ann.token(), product.id(), 2);

        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.json().keySet()).containsExactly("message");
        assertThat(tooMany.json().getString("message")).contains(product.sku());
        assertThat(stockOf(product.id())).isEqualTo(1);
        assertThat(order(ann.token(), product.id(), 1).status()).isEqualTo(201);
        assertThat(order(ann.token(), product.id(), 1).status()).isEqualTo(409);
        assertThat(stockOf(product.id())).isZero();
    }

    @Test
    void invalidOrdersAre422AndRecordNothing() throws SQLException {
        var product = addProduct("1.00", 5000);
        var ann = new Accounts(api()).register();

        assertThat(refusedFields(ann.token(), Json.of("product_id", product.id(), "quantity", 0)))
                .containsExactly("quantity");
        assertThat(refusedFields(ann.token(), Json.of("product_id", product.id(), "quantity", 1001)))
                .containsExactly("quantity");
        assertThat(refusedFields(ann.token(), Json.of("product_id", product.id(), "quantity", new BigDecimal("1.5"))))
                .containsExactly("quantity");
        assertThat(refusedFields(ann.token(), Json.of("product_id", product.id(), "quantity", 4_294_967_297L)))
                .containsExactly("quantity");
        assertThat(refusedFields(ann.token(), Json.of())).containsExactlyInAnyOrder("product_id", "quantity");
        assertThat(refusedFields(ann.token(), Json.of("product_id", 999_999_999, "quantity", 1)))
                .containsExactly("product_id");
        assertThat(refusedFields(ann.token(), Json.of("product_id", -1, "quantity", 1)))
                .containsExactly("product_id");
        var unknown = api().post("api/transactions", Json.of("product_id", 999_999_999, "quantity", 1))
                .bearer(ann.token())
                .send();
        assertThat(unknown.json()
                        .getJsonObject("errors")
                        .getJsonArray("product_id")
                        .getString(0))
                .isEqualTo("The selected product id is invalid.");

        assertThat(stockOf(product.id())).isEqualTo(5000);
        assertThat(api().get("api/transactions")
                        .bearer(ann.token())
                        .send()
                        .json()
                        .getJsonObject("meta")
                        .getJsonNumber("total")
                        .longValue())
                .isZero();
        assertThat(order(ann.token(), product.id(), 1000).status()).isEqualTo(201);
    }

    @Test
    void ordersNeedAUserTokenButNoAbility() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String postsOnly = accounts.token(ann, "read:posts");
        var product = addProduct("1.00", 10);

        assertThat(api().get("api/transactions").send().status()).isEqualTo(401);
        assertThat(api().post("api/transactions", Json.of("product_id", product.id(), "quantity", 1))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api().get("api/transactions").bearer(postsOnly).send().status())
                .isEqualTo(200);
        assertThat(order(postsOnly, product.id(), 1).status()).isEqualTo(201);
    }

    @Test
    void anOrderKeepsTheProductAsItWasWhenOrdered() {
        var product = addProduct("17.95", 10);
        var ann = new Accounts(api()).register();
        long id = idOf(order(ann.token(), product.id(), 1));

        var changed = api().patch(
                        "api/inventory/" + product.id(),
                        Json.of("sku", InventoryIT.newSku(), "name", "Renamed", "price", new BigDecimal("99.00")))
                .bearer(Admin.token(api()))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        JsonObject order =
                api().get("api/transactions/" + id).bearer(ann.token()).send().json();
        assertThat(order.getJsonObject("product").getString("sku")).isEqualTo(product.sku());
        assertThat(order.getJsonObject("product").getString("name")).isEqualTo("Product " + product.sku());
        assertThat(order.getJsonNumber("unit_price").bigDecimalValue()).isEqualTo(new BigDecimal("17.95"));
    }

    @Test
    void deletingACustomerKeepsTheirOrders() throws SQLException {
        var product = addProduct("6.50", 10);
        var ann = new Accounts(api()).register();
        long id = idOf(order(ann.token(), product.id(), 2));

        sql("DELETE FROM token_owners WHERE id = " + ann.id());

        try (var connection = SuiteDatabase.current().connect();
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT customer_id, customer_email, quantity FROM orders WHERE id = " + id)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getObject("customer_id")).isNull();
            assertThat(rows.getString("customer_email")).isEqualTo(ann.email());
            assertThat(rows.getInt("quantity")).isEqualTo(2);
        }
    }

    /** Two customers order the last unit at the same moment: one gets it, the other a 409, and stock stays 0. */
    @RepeatedTest(20)
    void ofTwoConcurrentOrdersForTheLastUnitExactlyOneSucceeds() throws Exception {
        var product = addProduct("9.99", 1);
        var accounts = new Accounts(api());
        List<String> customers =
                List.of(accounts.register().token(), accounts.register().token());
        var ready = new CountDownLatch(customers.size());
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(customers.size());
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (String customer : customers) {
                Callable<Integer> place = () -> {
                    ready.countDown();
                    go.await();
                    return order(customer, product.id(), 1).status();
                };
                replies.add(pool.submit(place));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> reply : replies) {
                statuses.add(reply.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stockOf(product.id())).isZero();
        assertThat(sqlLong("SELECT count(*) FROM orders WHERE product_id = " + product.id()))
                .isEqualTo(1);
    }

    private record Product(long id, String sku) {}

    private Product addProduct(String price, int stock) {
        String sku = InventoryIT.newSku();
        var reply = api().post(
                        "api/inventory",
                        Json.of("sku", sku, "name", "Product " + sku, "price", new BigDecimal(price), "stock", stock))
                .bearer(Admin.token(api()))
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return new Product(reply.json().getJsonNumber("id").longValue(), sku);
    }

    private Api.Reply order(String token, long productId, int quantity) {
        return api().post("api/transactions", Json.of("product_id", productId, "quantity", quantity))
                .bearer(token)
                .send();
    }

    private List<String> refusedFields(String token, String body) {
        var reply = api().post("api/transactions", body).bearer(token).send();
        assertThat(reply.status()).as(body + " " + reply).isEqualTo(422);
        return List.copyOf(reply.json().getJsonObject("errors").keySet());
    }

    private static long stockOf(long productId) throws SQLException {
        return sqlLong("SELECT stock FROM products WHERE id = " + productId);
    }

    private static long sqlLong(String query) throws SQLException {
        try (var connection = SuiteDatabase.current().connect();
                var rows = connection.createStatement().executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getLong(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (var connection = SuiteDatabase.current().connect()) {
            connection.createStatement().executeUpdate(statement);
        }
    }

    private static long idOf(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getJsonNumber("id").longValue();
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(order -> order.getJsonNumber("id").longValue())
                .toList();
    }
}
