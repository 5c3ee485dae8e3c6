package dev.lanyard.it.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.LoopbackClient;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteMail;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * RFC 8414: a resource server that knows only the issuer finds the introspection and revocation endpoints, and
 * they are the real ones. The suite's {@code lanyard.app.url} is the deployment's address.
 */
class DiscoveryIT extends MicroTest {

    private static final String METADATA = ".well-known/oauth-authorization-server";

    @Test
    void theMetadataNamesTheIssuerAndItsEndpoints() throws Exception {
        var reply = api().get(METADATA).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject metadata = reply.json();
        String root = SuiteMail.appUrl();
        assertThat(metadata.getString("issuer")).isEqualTo(root.substring(0, root.length() - 1));
        assertThat(metadata.getString("introspection_endpoint")).isEqualTo(root + "api/oauth/introspect");
        assertThat(metadata.getString("revocation_endpoint")).isEqualTo(root + "api/oauth/revoke");
        assertThat(metadata.getJsonArray("introspection_endpoint_auth_methods_supported")
                        .getValuesAs(JsonString::getString))
                .containsExactly("bearer");
        assertThat(metadata.getJsonArray("revocation_endpoint_auth_methods_supported")
                        .getValuesAs(JsonString::getString))
                .containsExactly("bearer");

        // The endpoint it names is the live one: without a token it asks for one.
        var introspection = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(metadata.getString("introspection_endpoint")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("token=x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(introspection.statusCode()).as(introspection.body()).isEqualTo(401);
    }

    @Test
    void aForeignHostHeaderDoesNotSteerTheAddresses() {
        var reply = LoopbackClient.anyAddress(base).get(METADATA, "Host: attacker.example");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("attacker.example").contains(SuiteMail.appUrl() + "api/oauth/");
    }
}
