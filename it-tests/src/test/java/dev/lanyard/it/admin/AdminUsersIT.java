package dev.lanyard.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdminUsersIT extends MicroTest {

    @Test
    void usersArePaginatedAndSearchable() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        var accounts = new Accounts(api());
        for (int i = 0; i < 3; i++) {
            accounts.register("search-" + marker + "-" + i + "@example.com");
        }

        var reply = api().get("api/admin/users?search=" + marker + "&per_page=2")
                .bearer(Admin.token(api()))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("data")).hasSize(2);
        JsonObject meta = reply.json().getJsonObject("meta");
        assertThat(meta.getInt("page")).isEqualTo(1);
        assertThat(meta.getInt("per_page")).isEqualTo(2);
        assertThat(meta.getJsonNumber("total").longValue()).isEqualTo(3);
        var second = api().get("api/admin/users?search=" + marker.toUpperCase() + "&per_page=2&page=2")
                .bearer(Admin.token(api()))
                .send();
        assertThat(second.json().getJsonArray("data")).hasSize(1);
        assertThat(reply.body()).doesNotContain("password");
    }

    @Test
    void badPaginationIs422() {
        for (String query : new String[] {"page=0", "per_page=101", "page=abc", "per_page=-1"}) {
            var reply = api().get("api/admin/users?" + query)
                    .bearer(Admin.token(api()))
                    .send();
            assertThat(reply.status()).as(query + " " + reply).isEqualTo(422);
        }
    }

    @Test
    void deletingAUserMakesEveryOneOfTheirTokensAnswer401() {
        var accounts = new Accounts(api());
        var victim = accounts.register();
        String second = accounts.token(victim, "read:posts");

        var reply = api().delete("api/admin/users/" + victim.id())
                .bearer(Admin.token(api()))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(victim.token()).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(second).send().status()).isEqualTo(401);
        assertThat(api().delete("api/admin/users/" + victim.id())
                        .bearer(Admin.token(api()))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aDisabledUserIsOutAtOnceLogsInAsWithAWrongPasswordAndGetsNoOldTokenBack() {
        var accounts = new Accounts(api());
        var victim = accounts.register();
        String second = accounts.token(victim, "read:posts");
        String admin = Admin.token(api());

        var disabled = api().patch("api/admin/users/" + victim.id(), Json.of("disabled", true))
                .bearer(admin)
                .send();

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().isNull("disabled_at")).isFalse();
        assertThat(api().get("api/user").bearer(victim.token()).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(second).send().status()).isEqualTo(401);
        var login = api().post("api/login", Json.of("email", victim.email(), "password", Accounts.PASSWORD))
                .send();
        var wrong = api().post("api/login", Json.of("email", victim.email(), "password", "wrong password 1"))
                .send();
        assertThat(login.status()).isEqualTo(422);
        assertThat(login.body()).isEqualTo(wrong.body());

        var enabled = api().patch("api/admin/users/" + victim.id(), Json.of("disabled", false))
                .bearer(admin)
                .send();

        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().isNull("disabled_at")).isTrue();
        assertThat(api().get("api/user").bearer(second).send().status())
                .as("no old token comes back")
                .isEqualTo(401);
        var again = api().post("api/login", Json.of("email", victim.email(), "password", Accounts.PASSWORD))
                .send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        var admins = api().get("api/admin/users?search=" + victim.email())
                .bearer(admin)
                .send();
        assertThat(admins.json().getJsonArray("data").getJsonObject(0).keySet()).contains("disabled_at");
    }

    @Test
    void anAdminSignsAUserOutEverywhereWithoutDisablingThem() {
        var accounts = new Accounts(api());
        var victim = accounts.register();
        String second = accounts.token(victim, "read:posts");

        var reply = api().post("api/admin/users/" + victim.id() + "/logout-everywhere")
                .bearer(Admin.token(api()))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(victim.token()).send().status()).isEqualTo(401);
        assertThat(api().get("api/user").bearer(second).send().status()).isEqualTo(401);
        assertThat(api().post("api/login", Json.of("email", victim.email(), "password", Accounts.PASSWORD))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdminCannotDisableThemselfAndBadChangesAre422() {
        String admin = Admin.token(api());
        long adminId = api().get("api/user")
                .bearer(admin)
                .send()
                .json()
                .getJsonNumber("id")
                .longValue();

        assertThat(api().patch("api/admin/users/" + adminId, Json.of("disabled", true))
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api().patch("api/admin/users/" + adminId, "{}")
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(422);
        assertThat(api().patch("api/admin/users/999999999", Json.of("disabled", true))
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(404);
        var victim = new Accounts(api()).register();
        assertThat(api().patch("api/admin/users/" + victim.id(), Json.of("disabled", true))
                        .bearer(victim.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().get("api/user").bearer(admin).send().status()).isEqualTo(200);
    }

    @Test
    void aDeletedUsersPostsGoButTheirOrdersStayDetached() throws SQLException {
        var customer = new Accounts(api()).register();
        var product = api().post(
                        "api/inventory",
                        Json.of(
                                "sku",
                                "DEL-" + UUID.randomUUID().toString().substring(0, 8),
                                "name",
                                "Keepsake",
                                "price",
                                new BigDecimal("5.00"),
                                "stock",
                                3))
                .bearer(Admin.token(api()))
                .send();
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        long productId = product.json().getJsonNumber("id").longValue();
        var post = api().post("api/posts", Json.of("title", "Hello", "body", "World"))
                .bearer(customer.token())
                .send();
        assertThat(post.status()).as(post.toString()).isEqualTo(201);
        var order = api().post("api/transactions", Json.of("product_id", productId, "quantity", 1))
                .bearer(customer.token())
                .send();
        assertThat(order.status()).as(order.toString()).isEqualTo(201);

        assertThat(api().delete("api/admin/users/" + customer.id())
                        .bearer(Admin.token(api()))
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(SuiteDatabase.number("SELECT count(*) FROM posts WHERE author_id = " + customer.id()))
                .isZero();
        assertThat(SuiteDatabase.number("SELECT count(*) FROM orders WHERE customer_id IS NULL AND customer_email = '"
                        + customer.email() + "'"))
                .isEqualTo(1);
    }

    @Test
    void anAdminCannotDeleteThemself() {
        String admin = Admin.token(api());
        long adminId = api().get("api/user")
                .bearer(admin)
                .send()
                .json()
                .getJsonNumber("id")
                .longValue();

        var reply = api().delete("api/admin/users/" + adminId).bearer(admin).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
    }

    @Test
    void anAdminRevokesAnyToken() {
        var user = new Accounts(api()).register();
        long tokenId = Long.parseLong(user.token().substring(0, user.token().indexOf('|')));

        var reply = api().delete("api/admin/tokens/" + tokenId)
                .bearer(Admin.token(api()))
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api().get("api/user").bearer(user.token()).send().status()).isEqualTo(401);
    }

    @Test
    void userManagementIsForAdminsOnly() {
        var user = new Accounts(api()).register();
        assertThat(api().get("api/admin/users").bearer(user.token()).send().status())
                .isEqualTo(403);
        assertThat(api().delete("api/admin/users/" + user.id())
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api().get("api/admin/tokens").bearer(user.token()).send().status())
                .isEqualTo(403);
    }
}
