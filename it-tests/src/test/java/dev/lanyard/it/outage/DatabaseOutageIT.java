package dev.lanyard.it.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.SuiteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server whose database cannot be used still deploys, says why in one line, reports itself not ready, and
 * recovers by itself once the database is there. The database it is pointed at does not exist at first: the
 * same connection failure a wrong password gives, reproducible on a server that trusts local connections.
 */
@ExtendWith(SuiteDatabase.class)
class DatabaseOutageIT {

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void serverDeploysWithoutItsDatabaseAndRecoversWhenItAppears() throws Exception {
        String database = "lanyard_outage_" + UUID.randomUUID().toString().replace("-", "");
        String url = SuiteDatabase.current().url().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        List<String> options = SuiteDatabase.current().asSystemProperties().stream()
                .map(option -> option.startsWith("-Dlanyard.db.url=") ? "-Dlanyard.db.url=" + url : option)
                .toList();

        try (var server = MicroServer.start(Path.of(System.getProperty("lanyard.micro.jar")),
                Deployments.war().toPath(), MicroServer.freePort(), options, log::add)) {
            var api = new Api(server.base().toURL());

            var health = api.get("health/ready").send();
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.body()).contains("\"lanyard-database\"", "\"DOWN\"");
            assertThat(api.get("api/ping").send().status()).isEqualTo(200);
            assertThat(log).filteredOn(line -> line.contains("Lanyard cannot use its database")).hasSize(1)
                    .first().asString().contains(database);

            SuiteDatabase.update("CREATE DATABASE " + database);
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> api.get("health/ready").send().status() == 200);
            } finally {
                server.close();
                SuiteDatabase.update("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }
}
