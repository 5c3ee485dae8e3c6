package dev.lanyard.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;

/** The types of a user's own audit events, newest first, as {@code GET /api/audit} lists them. */
public final class AuditTypes {

    private AuditTypes() {}

    public static List<String> of(Api api, String token) {
        var reply = api.get("api/audit?per_page=100").bearer(token).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("type") + (event.isNull("detail") ? "" : " " + event.getString("detail")))
                .toList();
    }
}
