package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Admin;
import dev.lanyard.it.support.Api;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.Json;
import dev.lanyard.it.support.SuiteDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server of its own, as the quick start runs it (no SMTP, {@code lanyard.mail.log-unsent=true}: mails go to the
 * log) but with {@code lanyard.require-verified-email=true}: token creation and the example resources wait for the
 * verification link, which the test reads from the server's output.
 */
@ExtendWith(SuiteDatabase.class)
class VerifiedEmailRequiredIT {

    private static final String UNVERIFIED = "{\"message\":\"Your email address is not verified.\"}";

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void anUnverifiedUserWaitsForTheLinkFromTheLogAndClientsNeverDo() throws Exception {
        List<String> options = new ArrayList<>(SuiteDatabase.current().asSystemProperties());
        options.add("-Dlanyard.require-verified-email=true");
        options.add("-Dlanyard.mail.log-unsent=true");
        try (var server = MicroServer.start(
                Path.of(System.getProperty("lanyard.micro.jar")),
                Deployments.war().toPath(),
                MicroServer.freePort(),
                options,
                log::add)) {
            var api = new Api(server.base().toURL());
            var ann = new Accounts(api).register();

            for (var refused : List.of(
                    api.post("api/tokens", Json.of("name", "ci"))
                            .bearer(ann.token())
                            .send(),
                    api.get("api/posts").bearer(ann.token()).send(),
                    api.get("api/inventory").bearer(ann.token()).send(),
                    api.get("api/transactions").bearer(ann.token()).send())) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
                assertThat(refused.body()).isEqualTo(UNVERIFIED);
            }
            assertThat(api.get("api/user").bearer(ann.token()).send().status()).isEqualTo(200);

            String admin = Admin.token(api);
            var client = api.post(
                            "api/admin/clients", Json.of("name", "storefront", "abilities", List.of("read:inventory")))
                    .bearer(admin)
                    .send();
            assertThat(client.status()).as(client.toString()).isEqualTo(201);
            var asClient = api.get("api/inventory")
                    .bearer(client.json().getString("token"))
                    .send();
            assertThat(asClient.status())
                    .as("a client has no address to verify: " + asClient)
                    .isEqualTo(200);

            String link = await().atMost(Duration.ofSeconds(30)).until(() -> linkInLog(ann.email()), l -> l != null);
            URI uri = URI.create(link);
            var verified = api.get(uri.getRawPath().substring(1) + "?" + uri.getRawQuery())
                    .send();
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);

            assertThat(api.post("api/tokens", Json.of("name", "ci"))
                            .bearer(ann.token())
                            .send()
                            .status())
                    .isEqualTo(201);
            assertThat(api.get("api/posts").bearer(ann.token()).send().status()).isEqualTo(200);
            assertThat(api.get("api/inventory").bearer(ann.token()).send().status())
                    .isEqualTo(200);
            assertThat(api.get("api/transactions").bearer(ann.token()).send().status())
                    .isEqualTo(200);
        }
    }

    /** The link of the logged mail to {@code email}: a marked block, the link on a line of its own. */
    private String linkInLog(String email) {
        List<String> lines = List.copyOf(log);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("==== MAIL NOT SENT")
                    && i + 1 < lines.size()
                    && lines.get(i + 1).equals("To: " + email)) {
                for (int j = i + 1; j < lines.size() && !lines.get(j).contains("==== END OF MAIL"); j++) {
                    var link = Pattern.compile("^https?://\\S+/api/email/verify/\\S+$")
                            .matcher(lines.get(j).trim());
                    if (link.find()) {
                        return link.group();
                    }
                }
            }
        }
        return null;
    }
}
