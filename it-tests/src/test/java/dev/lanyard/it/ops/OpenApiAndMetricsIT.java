package dev.lanyard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.Prometheus;
import dev.lanyard.it.support.SuiteDatabase;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

/** The operator's view: the OpenAPI document at /openapi and the metrics at /metrics. */
class OpenApiAndMetricsIT extends MicroTest {

    /**
     * Every endpoint of the contract this build serves, and the server's own, as "METHOD path" under /api; the
     * discovery document by its path from the context root.
     */
    private static final List<String> CONTRACT = List.of(
            "POST /register",
            "POST /login",
            "POST /logout",
            "POST /logout-all",
            "POST /token/refresh",
            "GET /user",
            "GET /dashboard",
            "GET /tokens",
            "POST /tokens",
            "PATCH /tokens/{id}",
            "DELETE /tokens/{id}",
            "GET /abilities",
            "GET /posts",
            "POST /posts",
            "GET /posts/{id}",
            "PUT /posts/{id}",
            "PATCH /posts/{id}",
            "DELETE /posts/{id}",
            "GET /inventory",
            "GET /inventory/{id}",
            "POST /inventory",
            "PATCH /inventory/{id}",
            "GET /transactions",
            "POST /transactions",
            "GET /transactions/{id}",
            "GET /admin/users",
            "DELETE /admin/users/{id}",
            "GET /admin/tokens",
            "DELETE /admin/tokens/{id}",
            "GET /admin/clients",
            "POST /admin/clients",
            "DELETE /admin/clients/{id}",
            "POST /admin/clients/{id}/tokens",
            "POST /admin/tokens/prune",
            "GET /audit",
            "GET /admin/audit",
            "POST /oauth/introspect",
            "POST /oauth/revoke",
            "GET /ping",
            "GET /csrf-cookie",
            "POST /spa/register",
            "POST /spa/login",
            "POST /spa/two-factor-challenge",
            "POST /spa/logout",
            "PUT /user/password",
            "POST /forgot-password",
            "POST /reset-password",
            "POST /email/verification-notification",
            "GET /email/verify/{id}/{hash}",
            "POST /user/two-factor-authentication",
            "POST /user/confirmed-two-factor-authentication",
            "DELETE /user/two-factor-authentication",
            "POST /user/two-factor-recovery-codes",
            "POST /two-factor-challenge",
            "GET /user/two-factor-authentication",
            "POST /credentials/revoke",
            "GET /user/sessions",
            "DELETE /user/sessions/{id}",
            "POST /user/sessions/logout-others",
            "PATCH /admin/users/{id}",
            "POST /admin/users/{id}/logout-everywhere",
            "GET /.well-known/oauth-authorization-server");
    /** Open to anyone; the SPA's endpoints are guarded by their page's domain and the CSRF token instead. */
    private static final List<String> PUBLIC = List.of(
            "POST /register",
            "POST /login",
            "GET /ping",
            "GET /csrf-cookie",
            "POST /spa/register",
            "POST /spa/login",
            "POST /spa/two-factor-challenge",
            "POST /spa/logout",
            "POST /forgot-password",
            "POST /reset-password",
            "GET /email/verify/{id}/{hash}",
            "POST /two-factor-challenge",
            "POST /credentials/revoke",
            "GET /.well-known/oauth-authorization-server");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theOpenApiDocumentIsValidOpenApi3AndDescribesEveryEndpointWithItsSecurityAndErrors() throws Exception {
        String document = fetch("openapi", "application/json");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // Error bodies are references to the shared schemas; inlined, their properties can be checked.
        options.setResolveFully(true);

        var result = new OpenAPIV3Parser().readContents(document, null, options);

        // Payara adds its server URLs as a top-level "endpoints" field, which OpenAPI 3 does not define there and
        // the model API cannot remove; anything else the validator finds fails the test.
        assertThat(result.getMessages())
                .as("validation messages")
                .filteredOn(message -> !message.equals("attribute endpoints is unexpected"))
                .isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.");
        // The context root, which resolves against wherever the document was fetched from.
        assertThat(api.getServers())
                .extracting(server -> server.getUrl())
                .containsExactly(URI.create(base.toString()).getPath().replaceFirst("/$", ""));
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");

        Map<String, Operation> operations = operations(api);
        assertThat(operations.keySet()).containsAll(CONTRACT);
        operations.forEach((endpoint, operation) -> {
            boolean secured =
                    operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            assertThat(secured).as(endpoint + " is secured").isEqualTo(!PUBLIC.contains(endpoint));
            assertThat(operation.getResponses())
                    .as(endpoint)
                    .containsKey("503")
                    // Payara describes a success it derives from the method as "default".
                    .hasKeySatisfying(
                            new Condition<>(status -> status.startsWith("2") || status.equals("default"), "a success"));
            if (secured) {
                assertThat(operation.getSecurity().get(0)).as(endpoint).containsKey("bearer");
                assertThat(operation.getResponses()).as(endpoint).containsKeys("401", "403");
                assertThat(operation
                                .getResponses()
                                .get("401")
                                .getContent()
                                .get("application/json")
                                .getSchema()
                                .getProperties())
                        .as(endpoint)
                        .containsKey("message");
                assertThat(operation.getResponses().get("403").getHeaders())
                        .as(endpoint)
                        .containsKey("WWW-Authenticate");
                assertThat(operation.getResponses()).as(endpoint).allSatisfy((status, response) -> {
                    if (status.startsWith("2") || status.equals("default")) {
                        assertThat(response.getHeaders())
                                .as(endpoint + " " + status)
                                .containsKey("X-Token-Expires-At");
                    }
                });
            }
            if (operation.getRequestBody() != null) {
                assertThat(operation.getResponses()).as(endpoint).containsKeys("400", "415", "422");
                assertThat(operation
                                .getResponses()
                                .get("422")
                                .getContent()
                                .get("application/json")
                                .getSchema()
                                .getProperties())
                        .as(endpoint)
                        .containsKeys("message", "errors");
            }
            if (endpoint.contains("{")) {
                assertThat(operation.getResponses()).as(endpoint).containsKey("404");
            }
        });
        assertThat(operations.get("POST /login").getResponses()).containsKeys("200", "422", "429");
        assertThat(operations.get("POST /transactions").getResponses()).containsKey("409");
        assertThat(operations.get("POST /oauth/introspect").getRequestBody()).isNotNull();

        var report = operations.get("POST /credentials/revoke");
        assertThat(report.getResponses()).containsKeys("202", "429");
        assertThat(report.getResponses().get("413").getDescription()).isEqualTo("Body over 256 KiB");
        assertThat(bodyProperties(report)).containsKey("credentials");
        assertThat(bodyProperties(report).get("credentials").getMaxItems()).isEqualTo(1000);
        assertThat(bodyProperties(operations.get("POST /token/refresh"))).containsKey("grace_seconds");
        Schema<?> tokens = operations.get("GET /tokens").getResponses().entrySet().stream()
                .filter(response ->
                        response.getKey().startsWith("2") || response.getKey().equals("default"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .getContent()
                .get("application/json")
                .getSchema();
        Schema<?> listed = (Schema<?>) tokens.getProperties().get("tokens");
        assertThat(listed.getItems().getProperties())
                .containsKeys("last_used_at", "last_used_ip", "last_used_user_agent");
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> bodyProperties(Operation operation) {
        return operation
                .getRequestBody()
                .getContent()
                .get("application/json")
                .getSchema()
                .getProperties();
    }

    @Test
    void metricsCountLoginsTokensRevocationsPruningAndTimeAuthentication() throws Exception {
        var before = metrics();
        var accounts = new Accounts(api());
        var user = accounts.register();
        var failed = api().post("api/login", Json.of("email", user.email(), "password", "wrong password 1"))
                .send();
        assertThat(failed.status()).isEqualTo(422);
        var login = api().post("api/login", Json.of("email", user.email(), "password", Accounts.PASSWORD))
                .send();
        assertThat(login.status()).isEqualTo(200);
        assertThat(api().get("api/user")
                        .bearer(login.json().getString("token"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api().post("api/logout")
                        .bearer(login.json().getString("token"))
                        .send()
                        .status())
                .isEqualTo(200);
        long expired = expiredToken(user.id());
        var pruned =
                api().post("api/admin/tokens/prune").bearer(Admin.token(api())).send();
        assertThat(pruned.status()).as(pruned.toString()).isEqualTo(200);
        assertThat(SuiteDatabase.number("SELECT count(*) FROM access_tokens WHERE id = " + expired))
                .isZero();

        var after = metrics();

        // The user's login and the admin's.
        assertThat(after.get("lanyard_logins_total") - before.get("lanyard_logins_total"))
                .isEqualTo(2);
        assertThat(after.get("lanyard_logins_failed_total") - before.get("lanyard_logins_failed_total"))
                .isEqualTo(1);
        // Registration, the user's login, the admin's login.
        assertThat(after.get("lanyard_tokens_issued_total") - before.get("lanyard_tokens_issued_total"))
                .isEqualTo(3);
        assertThat(after.get("lanyard_tokens_revoked_total") - before.get("lanyard_tokens_revoked_total"))
                .isEqualTo(1);
        assertThat(after.get("lanyard_tokens_pruned_total") - before.get("lanyard_tokens_pruned_total"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.get("lanyard_authentication_seconds_count")
                        - before.get("lanyard_authentication_seconds_count"))
                .isGreaterThanOrEqualTo(3);
        assertThat(after.get("lanyard_authentication_seconds_sum"))
                .isGreaterThan(before.get("lanyard_authentication_seconds_sum"));
    }

    /**
     * The authentication timer in the unit its name says: Payara's own Timer wrote quantiles and max in nanoseconds
     * beside a sum in seconds, so a dashboard read 1.5 ms as 1,500,000 s.
     */
    @Test
    void authenticationTimesAreInSeconds() throws Exception {
        var login = api().post(
                        "api/login",
                        Json.of("email", new Accounts(api()).register().email(), "password", Accounts.PASSWORD))
                .send();
        String token = login.json().getString("token");
        var before = metrics();
        int checks = 30;
        for (int i = 0; i < checks; i++) {
            assertThat(api().get("api/user").bearer(token).send().status()).isEqualTo(200);
        }

        String text = fetch("metrics?scope=application", "text/plain");
        var after = samples(text);

        double count = after.get("lanyard_authentication_seconds_count");
        double sum = after.get("lanyard_authentication_seconds_sum");
        assertThat(count - before.get("lanyard_authentication_seconds_count"))
                .as(text)
                .isGreaterThanOrEqualTo(checks);
        assertThat((sum - before.get("lanyard_authentication_seconds_sum"))
                        / (count - before.get("lanyard_authentication_seconds_count")))
                .as(text)
                .isStrictlyBetween(0.0, 1.0);
        assertThat(sum / count).as(text).isStrictlyBetween(0.0, 1.0);
        Map<String, Double> quantiles = quantiles(text, "lanyard_authentication_seconds");
        assertThat(quantiles).as(text).containsOnlyKeys("0.5", "0.75", "0.95", "0.98", "0.99", "0.999");
        assertThat(quantiles.values())
                .as(text)
                .allSatisfy(seconds -> assertThat(seconds).isStrictlyBetween(0.0, 1.0));
        assertThat(after.get("lanyard_authentication_seconds_max")).as(text).isStrictlyBetween(0.0, 1.0);
        after.forEach((name, value) -> {
            if (name.startsWith("lanyard_authentication_seconds_")
                    && !name.endsWith("_count")
                    && !name.endsWith("_sum")) {
                assertThat(value).as(name + " in " + text).isStrictlyBetween(0.0, 1.0);
            }
        });
    }

    /**
     * docs/operations.md's scrape configuration and p99 query, run by a real Prometheus against this server: the
     * document cannot drift from what works, and Prometheus must accept the whole of {@code /metrics}.
     */
    @Test
    void prometheusScrapesWithTheDocumentedConfigurationAndAnswersTheDocumentedP99() throws Exception {
        String token = api().post(
                        "api/login",
                        Json.of("email", new Accounts(api()).register().email(), "password", Accounts.PASSWORD))
                .send()
                .json()
                .getString("token");
        for (int i = 0; i < 20; i++) {
            assertThat(api().get("api/user").bearer(token).send().status()).isEqualTo(200);
        }
        String operations = Files.readString(Path.of("..", "docs", "operations.md"));
        String configuration = replaceOnce(
                replaceOnce(block(operations, "yaml"), "scrape_interval: 15s", "scrape_interval: 1s"),
                "['lanyard-1:8080', 'lanyard-2:8080']",
                "['" + base.getHost() + ":" + base.getPort() + "']");

        // A new directory each run: an earlier run's samples would answer the query too.
        Path directory = Files.createTempDirectory(Path.of("target"), "prometheus-");
        try (var prometheus = Prometheus.start(directory, configuration)) {
            prometheus.awaitTargetsUp(Duration.ofSeconds(30));
            var answer = prometheus.query(block(operations, "promql").strip());

            assertThat(answer.getString("status")).as(prometheus.diagnostics()).isEqualTo("success");
            var result = answer.getJsonObject("data").getJsonArray("result");
            assertThat(result).as(answer.toString()).hasSize(1);
            double p99 = Double.parseDouble(
                    result.getJsonObject(0).getJsonArray("value").getString(1));
            assertThat(p99).as(answer.toString()).isStrictlyBetween(0.0, 1.0);
        }
    }

    /** The one fenced block of {@code language} in a Markdown text. */
    private static String block(String markdown, String language) {
        Matcher block = Pattern.compile("(?ms)^```" + language + "\n(.*?)^```$").matcher(markdown);
        assertThat(block.find()).as("a ```" + language + " block").isTrue();
        String text = block.group(1);
        assertThat(block.find()).as("only one ```" + language + " block").isFalse();
        return text;
    }

    private static String replaceOnce(String text, String documented, String tested) {
        assertThat(text).as("the documented text").containsOnlyOnce(documented);
        return text.replace(documented, tested);
    }

    private static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> operations.put(method + " " + underApi(path), operation)));
        return operations;
    }

    /** The path below /api, or from /.well-known, whatever server prefix the document puts before it. */
    private static String underApi(String path) {
        int api = path.indexOf("/api/");
        if (api >= 0) {
            return path.substring(api + "/api".length());
        }
        int wellKnown = path.indexOf("/.well-known/");
        return wellKnown < 0 ? path : path.substring(wellKnown);
    }

    /** Lanyard's metrics, by name (the first sample of a name that has several). */
    private Map<String, Double> metrics() throws IOException, InterruptedException {
        String text = fetch("metrics?scope=application", "text/plain");
        Map<String, Double> samples = samples(text);
        assertThat(samples)
                .as(text)
                .containsKeys(
                        "lanyard_logins_total",
                        "lanyard_logins_failed_total",
                        "lanyard_tokens_issued_total",
                        "lanyard_tokens_revoked_total",
                        "lanyard_tokens_pruned_total",
                        "lanyard_authentication_seconds_count",
                        "lanyard_authentication_seconds_sum");
        return samples;
    }

    /** Each sample's value by the sample's name, the first of those that share a name. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Matcher sample = Pattern.compile("(?m)^([a-z_]+)(?:\\{[^}]*})? ([0-9.eE+-]+|NaN)$")
                .matcher(text);
        while (sample.find()) {
            samples.putIfAbsent(sample.group(1), Double.parseDouble(sample.group(2)));
        }
        return samples;
    }

    /** The samples of a summary's quantiles, by their quantile label. */
    private static Map<String, Double> quantiles(String text, String summary) {
        Map<String, Double> quantiles = new LinkedHashMap<>();
        Matcher sample = Pattern.compile("(?m)^" + summary + "\\{[^}]*quantile=\"([0-9.]+)\"[^}]*} (\\S+)$")
                .matcher(text);
        while (sample.find()) {
            quantiles.put(sample.group(1), Double.parseDouble(sample.group(2)));
        }
        return quantiles;
    }

    private String fetch(String path, String accept) throws IOException, InterruptedException {
        var reply = HTTP.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve("/" + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(path + " " + reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static long expiredToken(long owner) throws SQLException {
        return SuiteDatabase.number("INSERT INTO access_tokens (owner_id, name, token_hash, abilities, created_at,"
                + " expires_at) VALUES (" + owner + ", 'expired', md5(random()::text) || md5(random()::text),"
                + " '[\"*\"]', now() - interval '3 days', now() - interval '2 days') RETURNING id");
    }
}
