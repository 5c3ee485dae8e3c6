package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.SuiteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Servers of their own, started as an operator would: what their mail settings let them start and log. */
@ExtendWith(SuiteDatabase.class)
class MailSettingsIT {

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void aMailHostWithoutAnAppUrlRefusesToStartAndNamesTheKey() throws Exception {
        List<String> options = new ArrayList<>(SuiteDatabase.current().asSystemProperties());
        options.add("-Dlanyard.mail.host=127.0.0.1");
        // Empty counts as unset, and overrides the address the launcher would give.
        options.add("-Dlanyard.app.url=");

        assertThatThrownBy(() -> MicroServer.start(
                                Path.of(System.getProperty("lanyard.micro.jar")),
                                Deployments.war().toPath(),
                                MicroServer.freePort(),
                                options,
                                log::add)
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lanyard did not deploy")
                .hasMessageContaining("lanyard.app.url is not set")
                .hasMessageContaining("lanyard.mail.host is set");
    }

    @Test
    void withoutAMailHostTheLogSaysAMailWasNotSentAndNeverShowsIt() throws Exception {
        try (var server = MicroServer.start(
                Path.of(System.getProperty("lanyard.micro.jar")),
                Deployments.war().toPath(),
                MicroServer.freePort(),
                SuiteDatabase.current().asSystemProperties(),
                log::add)) {
            var api = new Api(server.base().toURL());
            var ann = new Accounts(api).register();

            var reply = api.post("api/forgot-password", Json.of("email", ann.email()))
                    .send();

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            String notSent = "Mail to " + ann.email() + " with subject \"Reset your password\" not sent";
            await().atMost(Duration.ofSeconds(30)).until(() -> log.stream().anyMatch(l -> l.contains(notSent)));
            assertThat(log)
                    .anyMatch(l -> l.contains(
                            "Mail to " + ann.email() + " with subject \"Verify your email address\" not sent"));
            assertThat(String.join("\n", log))
                    .doesNotContain("reset-password?token=")
                    .doesNotContain("/api/email/verify/" + ann.id() + "/")
                    .doesNotContain("signature=")
                    .doesNotContain("==== MAIL NOT SENT");
        }
    }
}
