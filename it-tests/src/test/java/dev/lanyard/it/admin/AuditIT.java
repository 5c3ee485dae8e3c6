package dev.lanyard.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditIT extends MicroTest {

    @Test
    void aScriptedSessionShowsInOrderWithNoSecret() {
        var accounts = new Accounts(api());
        var ann = accounts.register();
        String wrongPassword = "not my password at all";
        api().post("api/login", Json.of("email", ann.email(), "password", wrongPassword))
                .send();
        var login = api().post(
                        "api/login",
                        Json.of("email", ann.email(), "password", Accounts.PASSWORD, "device_name", "laptop"))
                .header("User-Agent", "audit-test/1.0")
                .send();
        String session = login.json().getString("token");
        String created = accounts.token(new Accounts.Account(ann.id(), ann.email(), session), "read:posts");
        long createdId = Long.parseLong(created.substring(0, created.indexOf('|')));
        api().delete("api/tokens/" + createdId).bearer(session).send();

        var reply = api().get("api/audit?per_page=100").bearer(session).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonObject> events =
                new ArrayList<>(reply.json().getJsonArray("data").getValuesAs(JsonObject.class));
        Collections.reverse(events);
        assertThat(events)
                .extracting(e -> e.getString("type"))
                .containsExactly(
                        "user.registered",
                        "token.created",
                        "email.verification-sent",
                        "login.failed",
                        "login.succeeded",
                        "token.created",
                        "token.created",
                        "token.revoked");
        assertThat(events.get(7).getJsonNumber("token_id").longValue()).isEqualTo(createdId);
        assertThat(events.get(7).getString("detail")).contains("reason=owner");
        assertThat(events.get(4).getString("user_agent")).isEqualTo("audit-test/1.0");
        assertThat(events.get(4).getString("ip")).isNotBlank();
        assertThat(events)
                .allSatisfy(
                        e -> assertThat(e.getJsonNumber("user_id").longValue()).isEqualTo(ann.id()));
        for (String secret : List.of(ann.token(), session, created, Accounts.PASSWORD, wrongPassword, "$2b$")) {
            String hidden = secret.contains("|") ? secret.substring(secret.indexOf('|') + 1) : secret;
            assertThat(reply.body()).doesNotContain(hidden);
        }
    }

    @Test
    void adminsFilterTheWholeTrailByTypeAndUser() {
        var ann = new Accounts(api()).register();
        String admin = Admin.token(api());

        var reply = api().get("api/admin/audit?type=user.registered&user_id=" + ann.id())
                .bearer(admin)
                .send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .singleElement()
                .satisfies(e -> assertThat(e.getString("type")).isEqualTo("user.registered"));
        assertThat(api().get("api/admin/audit?user_id=x").bearer(admin).send().status())
                .isEqualTo(422);
    }
}
