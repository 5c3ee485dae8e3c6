package dev.lanyard.it.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.PayaraServer;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The EAR on full Payara Server 6: the same behaviour as the WAR on Micro, from the same modules. */
@ExtendWith(SuiteDatabase.class)
@ExtendWith(PayaraServer.class)
class EarOnPayaraServerIT {

    private final Api api = new Api(PayaraServer.base());

    @Test
    void apiAnswersAtTheContextRoot() {
        var reply = api.get("api/ping").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("ok");
    }

    @Test
    void databaseIsReady() {
        var reply = api.get("health/ready").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("lanyard-database");
                    assertThat(check.getString("status")).isEqualTo("UP");
                });
    }

    @Test
    void authenticationMechanismGuardsProtectedMethods() {
        var reply = api.get("api/admin/audit").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void pruningTimerFires() throws SQLException {
        long before = countPruneEvents();

        await().atMost(Duration.ofSeconds(15)).until(() -> countPruneEvents() > before);
    }

    /**
     * The managed executor and the after-commit observer work in the EAR too; without SMTP the log tells that a
     * mail was not sent, and never its signed link.
     */
    @Test
    void withoutSmtpTheServerLogSaysTheVerificationMailWasNotSent() throws IOException {
        var ann = new Accounts(api).register();
        Path log = Path.of(
                System.getProperty("lanyard.server.home"), "glassfish", "domains", "domain1", "logs", "server.log");
        String notSent = "Mail to " + ann.email() + " with subject \"Verify your email address\" not sent";

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(log, StandardCharsets.ISO_8859_1).contains(notSent));
        assertThat(Files.readString(log, StandardCharsets.ISO_8859_1))
                .doesNotContain("==== MAIL NOT SENT")
                .doesNotContain("/api/email/verify/" + ann.id() + "/");
    }

    private static long countPruneEvents() throws SQLException {
        return SuiteDatabase.number("SELECT count(*) FROM audit_events WHERE type = 'tokens.pruned'");
    }
}
