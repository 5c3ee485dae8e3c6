package dev.lanyard.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.MicroTest;
import dev.lanyard.it.support.SuiteDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code lanyard.admin.email} names an address someone registered before the operator set it: a server started
 * with it then, on the same database, must not make an account admin whose owner never proved the address.
 */
class AdminBootstrapIT extends MicroTest {

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void anUnverifiedAccountWithTheAdminEmailIsNotPromoted() throws Exception {
        var squatter = new Accounts(api()).register();
        List<String> options = new ArrayList<>(SuiteDatabase.current().asSystemProperties());
        options.add("-Dlanyard.admin.email=" + squatter.email().toUpperCase());
        options.add("-Dlanyard.admin.password=the operator's passphrase");

        try (var server = MicroServer.start(
                Path.of(System.getProperty("lanyard.micro.jar")),
                Deployments.war().toPath(),
                MicroServer.freePort(),
                options,
                log::add)) {
            var api = new Api(server.base().toURL());

            var reply = api.get("api/admin/users").bearer(squatter.token()).send();

            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(log).anyMatch(line -> line.contains("lanyard.admin.email") && line.contains("not verified"));
            var login = api.post("api/login", Json.of("email", squatter.email(), "password", Accounts.PASSWORD))
                    .send();
            assertThat(login.status()).as("left as they were: " + login).isEqualTo(200);
        }
    }
}
