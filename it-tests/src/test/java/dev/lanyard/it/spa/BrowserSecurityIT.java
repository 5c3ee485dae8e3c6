package dev.lanyard.it.spa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.MicroTest;
import org.junit.jupiter.api.Test;

/** CORS from lanyard.cors.allowed-origins, and the security headers on the UI and the API. */
class BrowserSecurityIT extends MicroTest {

    @Test
    void anAllowedStatefulOriginMayCallWithCredentials() {
        var reply = api().get("api/ping").header("Origin", "https://test.com").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue("https://test.com");
        assertThat(reply.header("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(reply.header("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Origin"));
    }

    @Test
    void anAllowedOriginThatIsNotStatefulGetsNoCredentials() {
        var reply = api().get("api/ping")
                .header("Origin", "https://partner.example")
                .send();

        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue("https://partner.example");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aDisallowedOriginIsNeverEchoed() {
        var simple =
                api().get("api/ping").header("Origin", "https://evil.example").send();
        var preflight = api().send("OPTIONS", "api/tokens", "text/plain", "")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .send();

        assertThat(simple.status()).isEqualTo(200);
        assertThat(simple.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(simple.header("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.body()).doesNotContain("evil.example");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        var preflight = api().send("OPTIONS", "api/tokens", "text/plain", "")
                .header("Origin", "https://test.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-xsrf-token")
                .send();

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("https://test.com");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.header("Access-Control-Allow-Methods"))
                .hasValueSatisfying(
                        m -> assertThat(m).contains("POST").contains("PATCH").contains("DELETE"));
        assertThat(preflight.header("Access-Control-Allow-Headers"))
                .hasValueSatisfying(h -> assertThat(h)
                        .contains("X-XSRF-TOKEN")
                        .contains("Content-Type")
                        .contains("Authorization"));
    }

    @Test
    void apiResponsesCarrySecurityHeadersAndAreNeverStored() {
        var account = new Accounts(api()).register();
        var ok = api().get("api/tokens").bearer(account.token()).send();
        var refused = api().get("api/tokens").send();

        for (var reply : java.util.List.of(ok, refused)) {
            assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(reply.header("Cache-Control")).hasValue("no-store");
            assertThat(reply.header("Referrer-Policy")).hasValue("same-origin");
            assertThat(reply.header("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void theUiIsServedWithAStrictContentSecurityPolicy() {
        var page = api().get("").header("Accept", "text/html").send();
        var script = api().get("js/app.js").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<script type=\"module\" src=\"js/app.js\">")
                .doesNotContain("style=");
        String policy = page.header("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.header("X-Frame-Options")).hasValue("DENY");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    }

    @Test
    void theResetLinkOfTheMailOpensTheUiUnderTheSamePolicy() {
        var page = api().get("reset-password?token=abc&email=ann%40example.com")
                .header("Accept", "text/html")
                .send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\">");
        assertThat(page.header("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(api().get("").header("Accept", "text/html").send().body()).isEqualTo(page.body());
    }
}
