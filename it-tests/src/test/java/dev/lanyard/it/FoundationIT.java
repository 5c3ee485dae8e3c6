package dev.lanyard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stack end to end on Payara Micro: JAX-RS, the mechanism, health, migrations, the timer. */
class FoundationIT extends MicroTest {

    @Test
    void pingAnswersWithoutCredentials() {
        var reply = api().get("api/ping").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("ok");
    }

    @Test
    void healthReportsTheDatabaseUp() {
        var reply = serverRoot().get("health/ready").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject check = reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("lanyard-database"))
                .findFirst()
                .orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
    }

    @Test
    void protectedMethodDemandsCredentials() {
        var reply = api().get("api/admin/audit").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(reply.json().getString("message")).isEqualTo("Unauthenticated.");
    }

    @Test
    void protectedMethodRefusesATokenItCannotValidate() {
        var reply = api().get("api/admin/audit").bearer("1|not-a-token").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(reply.json().getString("message")).isEqualTo("Unauthenticated.");
    }

    @Test
    void unknownRouteIsAJson404() {
        var reply = api().get("api/no-such-thing").send();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(reply.json().getString("message")).isEqualTo("Not found.");
    }

    /** Every migration in the source tree was applied, in order, and nothing else. */
    @Test
    void schemaComesFromTheMigrations() throws SQLException, IOException {
        List<String> migrations;
        try (var files = Files.list(Path.of("..", "auth-domain", "src", "main", "resources", "db", "migration"))) {
            migrations = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
        try (var connection = SuiteDatabase.current().connect();
                var rows = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            assertThat(migrations).hasSizeGreaterThan(18);
            assertThat(versions).containsExactlyElementsOf(migrations);
        }
    }

    @Test
    void pruningTimerFiresOnItsConfiguredSchedule() throws SQLException {
        long before = countPruneEvents();

        // The test deployment's schedule is every two seconds.
        await().atMost(Duration.ofSeconds(15)).until(() -> countPruneEvents() > before);
    }

    private static long countPruneEvents() throws SQLException {
        return SuiteDatabase.number("SELECT count(*) FROM audit_events WHERE type = 'tokens.pruned'");
    }
}
