package dev.lanyard.it.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Simultaneous;
import dev.lanyard.it.support.SuiteDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests that pass the application's uniqueness check together and meet the database's unique index: the
 * losers get the same 422 as a request that came later, never a 503 (which means the database is down).
 */
class UniqueRaceIT extends MicroTest {

    @Test
    void simultaneousRegistrationsOfOneEmailGiveOneAccountAndFour422s() throws Exception {
        String local = "race-" + UUID.randomUUID();
        List<String> spellings = List.of(
                local + "@example.com",
                local.toUpperCase() + "@EXAMPLE.COM",
                "Race" + local.substring(4) + "@example.com",
                local + "@Example.Com",
                local + "@EXAMPLE.com");

        List<Api.Reply> replies = Simultaneous.all(
                spellings.size(),
                i -> api().post(
                                "api/register",
                                Json.of(
                                        "name",
                                        "Racer",
                                        "email",
                                        spellings.get(i),
                                        "password",
                                        Accounts.PASSWORD,
                                        "password_confirmation",
                                        Accounts.PASSWORD))
                        .send());

        assertThat(replies)
                .as(replies.toString())
                .filteredOn(r -> r.status() == 201)
                .hasSize(1);
        assertThat(replies)
                .as(replies.toString())
                .filteredOn(r -> r.status() == 422)
                .hasSize(4)
                .allSatisfy(reply -> {
                    assertThat(reply.json().getString("message")).isEqualTo("The email has already been taken.");
                    assertThat(reply.json().getJsonObject("errors").keySet()).containsExactly("email");
                    assertThat(reply.json()
                                    .getJsonObject("errors")
                                    .getJsonArray("email")
                                    .getString(0))
                            .isEqualTo("The email has already been taken.");
                });
        assertThat(SuiteDatabase.number("SELECT count(*) FROM users WHERE lower(email) = '" + local + "@example.com'"))
                .isEqualTo(1);
    }

    @Test
    void simultaneousProductsWithOneSkuGiveOneProductAnd422s() throws Exception {
        String admin = Admin.token(api());
        String sku = "RACE-" + UUID.randomUUID();
        List<String> spellings = List.of(sku, sku.toLowerCase(), sku, sku.toLowerCase());

        List<Api.Reply> replies = Simultaneous.all(
                spellings.size(),
                i -> api().post(
                                "api/inventory",
                                Json.of(
                                        "sku",
                                        spellings.get(i),
                                        "name",
                                        "Raced",
                                        "price",
                                        new BigDecimal("1.00"),
                                        "stock",
                                        1))
                        .bearer(admin)
                        .send());

        assertThat(replies)
                .as(replies.toString())
                .filteredOn(r -> r.status() == 201)
                .hasSize(1);
        assertThat(replies)
                .as(replies.toString())
                .filteredOn(r -> r.status() == 422)
                .hasSize(3)
                .allSatisfy(reply -> assertThat(reply.json()
                                .getJsonObject("errors")
                                .getJsonArray("sku")
                                .getString(0))
                        .isEqualTo("The sku has already been taken."));
    }
}
