package dev.lanyard.it.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Accounts;
import dev.lanyard.it.support.Installer;
import dev.lanyard.it.support.MicroTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request without a body passes whatever Content-Type its client adds; 415 is for a body that is there and is
 * not JSON. Proved with plain HTTP and with axios itself, which sends a form Content-Type with an empty POST.
 */
class BodilessRequestIT extends MicroTest {

    private static final Path NODE_PROJECT = Path.of(System.getProperty("lanyard.node.dir", "target/node-axios"));

    @Test
    void aPostWithoutABodyPassesWhateverItsContentType() {
        var accounts = new Accounts(api());
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
            var account = accounts.register();

            var logout = api().send("POST", "api/logout", type, "")
                    .bearer(account.token())
                    .send();

            assertThat(logout.status()).as(type + " " + logout).isEqualTo(200);
            assertThat(logout.json().getString("message")).isEqualTo("Logged out.");
            assertThat(api().get("api/user").bearer(account.token()).send().status())
                    .isEqualTo(401);
        }
    }

    @Test
    void aBodilessFormRequestIsTheValidationErrorOfItsMissingField() {
        var account = new Accounts(api()).register();
        for (String type : new String[] {null, "application/x-www-form-urlencoded", "application/json"}) {
            var call = type == null ? api().post("api/oauth/revoke") : api().send("POST", "api/oauth/revoke", type, "");

            var reply = call.bearer(account.token()).send();

            assertThat(reply.status()).as(type + " " + reply).isEqualTo(422);
            assertThat(reply.json()
                            .getJsonObject("errors")
                            .getJsonArray("token")
                            .getString(0))
                    .isEqualTo("The token field is required.");
        }
    }

    @Test
    void aBodyThatIsNotJsonIs415AndChangesNothing() {
        var account = new Accounts(api()).register();

        var logout = api().send("POST", "api/logout", "text/plain", "please")
                .bearer(account.token())
                .send();

        assertThat(logout.status()).as(logout.toString()).isEqualTo(415);
        assertThat(logout.json().getString("message")).isEqualTo("Unsupported media type: send JSON.");
        assertThat(api().get("api/user").bearer(account.token()).send().status())
                .isEqualTo(200);
    }

    @Test
    void aFrontEndWrittenWithAxiosLogsOut() throws IOException, InterruptedException {
        installAxiosIfMissing();
        Path script = NODE_PROJECT.resolve("logout.mjs");
        try (InputStream source = getClass().getResourceAsStream("/axios/logout.mjs")) {
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        }

        var node = new ProcessBuilder("node", script.getFileName().toString(), base + "api", Accounts.uniqueEmail())
                .directory(NODE_PROJECT.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output)
                .contains(
                        "register 201",
                        "logout 200 {\"message\":\"Logged out.\"}",
                        "user-after-logout 401 Unauthenticated.",
                        "done");
    }

    /** Node 20 is on the machine; axios comes from the npm registry, once, into a folder under target. */
    private static void installAxiosIfMissing() throws IOException, InterruptedException {
        if (Files.exists(NODE_PROJECT.resolve("node_modules/axios/package.json"))) {
            return;
        }
        Files.createDirectories(NODE_PROJECT);
        Files.writeString(NODE_PROJECT.resolve("package.json"), "{\"private\": true, \"type\": \"module\"}\n");
        if (!Installer.run("axios", NODE_PROJECT, 3, "npm", "install", "--no-audit", "--no-fund", "axios@1")) {
            throw new IllegalStateException("npm could not install axios into " + NODE_PROJECT.toAbsolutePath());
        }
    }
}
