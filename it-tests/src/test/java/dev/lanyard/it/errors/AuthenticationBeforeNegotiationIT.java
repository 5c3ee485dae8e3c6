package dev.lanyard.it.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.MicroTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who is calling is settled before what they accept: without valid credentials a protected endpoint answers 401
 * whatever the Accept header; a caller who passes and accepts no JSON gets 406. The web UI's pages are HTML as
 * before.
 */
class AuthenticationBeforeNegotiationIT extends MicroTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> NOT_JSON = List.of(
            "text/html", "text/html,application/xhtml+xml,application/xml;q=0.9", "image/png", "application/xml");

    @Test
    void anUnauthenticatedRequestIs401WhateverItAccepts() throws Exception {
        for (String accept : NOT_JSON) {
            var reply = get("api/user", accept, null);

            assertThat(reply.statusCode()).as(accept + " " + reply.body()).isEqualTo(401);
            assertThat(json(reply).getString("message")).isEqualTo("Unauthenticated.");
            assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(reply.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
        var badToken = get("api/user", "text/html", "1|not-a-token");
        assertThat(badToken.statusCode()).as(badToken.body()).isEqualTo(401);
        assertThat(badToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        var post = send(HttpRequest.newBuilder(uri("api/logout"))
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).as(post.body()).isEqualTo(401);
    }

    @Test
    void anAuthenticatedCallerWhoAcceptsNoJsonGets406() throws Exception {
        var account = new Accounts(api()).register();

        for (String accept : NOT_JSON) {
            var reply = get("api/user", accept, account.token());

            assertThat(reply.statusCode()).as(accept + " " + reply.body()).isEqualTo(406);
            assertThat(json(reply).getString("message")).isEqualTo("Not acceptable.");
        }
        for (String accept : List.of("application/json", "*/*", "text/html,*/*;q=0.8", "application/*")) {
            var reply = get("api/user", accept, account.token());

            assertThat(reply.statusCode()).as(accept + " " + reply.body()).isEqualTo(200);
            assertThat(json(reply).getString("email")).isEqualTo(account.email());
        }
    }

    @Test
    void theWebUiPagesAreStillHtml() throws Exception {
        for (String page : List.of("", "reset-password?token=abc&email=ann%40example.com")) {
            var reply = get(page, "text/html", null);

            assertThat(reply.statusCode()).as(page).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(reply.body()).contains("<html");
        }
    }

    private HttpResponse<String> get(String path, String accept, String token) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private static JsonObject json(HttpResponse<String> reply) {
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }
}
