package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import org.junit.jupiter.api.Test;

class UserIT extends MicroTest {

    @Test
    void userAnswersTheCaller() {
        var ann = new Accounts(api()).register();

        var reply = api().get("api/user").bearer(ann.token()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonNumber("id").longValue()).isEqualTo(ann.id());
        assertThat(reply.json().keySet())
                .containsExactlyInAnyOrder("id", "name", "email", "roles", "email_verified_at", "created_at");
    }

    @Test
    void dashboardCountsTheActiveTokens() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        accounts.token(ann, "read:posts");

        var reply = api().get("api/dashboard").bearer(ann.token()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonObject("user").getString("email")).isEqualTo(ann.email());
        assertThat(reply.json()
                        .getJsonObject("stats")
                        .getJsonNumber("active_tokens")
                        .longValue())
                .isEqualTo(2);
    }

    @Test
    void theBootstrapAdminHoldsRoleAdminAndAdminEndpointsNeedTheAbilityToo() {
        var login = api().post("api/login", Json.of("email", Admin.EMAIL, "password", Admin.PASSWORD))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().getJsonObject("user").getJsonArray("roles").getString(0))
                .isEqualTo("admin");
        String adminToken = login.json().getString("token");

        var audit = api().get("api/admin/audit").bearer(adminToken).send();
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.json().getJsonArray("data")).isNotNull();

        var withoutAbility = api().post(
                        "api/tokens", Json.of("name", "reader", "abilities", java.util.List.of("read:posts")))
                .bearer(adminToken)
                .send()
                .json()
                .getString("plain_text_token");
        var refused = api().get("api/admin/audit").bearer(withoutAbility).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().getString("message")).isNotBlank();
    }
}
