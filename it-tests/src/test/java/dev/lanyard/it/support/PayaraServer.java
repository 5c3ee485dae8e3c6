package dev.lanyard.it.support;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Full Payara Server 6 (unpacked by Maven into target/payara6) with the EAR Maven built deployed on it, driven
 * through asadmin, once per test run. The domain gets the suite's database through Lanyard's environment
 * variables, and is stopped when the run ends, also when a test failed.
 */
public class PayaraServer implements BeforeAllCallback {

    private static final String DOMAIN = "domain1";
    private static final String APPLICATION = "lanyard";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PayaraServer.class, key -> start(), Running.class);
    }

    private static volatile URL base;

    /** The EAR's web module, whose context root is {@code /}, on the domain's HTTP listener. */
    public static URL base() {
        if (base == null) {
            throw new IllegalStateException("Payara Server has not started; extend the test with PayaraServer");
        }
        return base;
    }

    private static Running start() {
        Path home = Path.of(System.getProperty("lanyard.server.home", "target/payara6"));
        var running = new Running(home, DomainPorts.assignFree(home.resolve("glassfish/domains/" + DOMAIN)));
        try {
            running.asadmin("start-domain", DOMAIN);
            // A run that was killed may have left its deployment in the domain.
            running.tryAsadmin("undeploy", APPLICATION);
            running.asadmin("deploy", "--name", APPLICATION, Deployments.ear().getAbsolutePath());
            base = new URL("http://localhost:" + running.ports().http() + "/");
        } catch (RuntimeException | MalformedURLException e) {
            // Also after a start that timed out: a domain left running would hold its ports and memory.
            running.tryAsadmin("undeploy", APPLICATION);
            running.tryAsadmin("stop-domain", DOMAIN);
            throw new IllegalStateException("Could not start Payara Server with the EAR deployed", e);
        }
        return running;
    }

    record Running(Path home, DomainPorts ports) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            tryAsadmin("undeploy", APPLICATION);
            asadmin("stop-domain", DOMAIN);
        }

        void asadmin(String... arguments) {
            if (!tryAsadmin(arguments)) {
                throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed:\n"
                        + tail(log()) + "\nserver log: "
                        + home.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log"));
            }
        }

        /** Runs asadmin, its output appended to target/payara-server-asadmin.log; answers whether it succeeded. */
        boolean tryAsadmin(String... arguments) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    home.resolve("glassfish/lib/client/appserver-cli.jar").toString(),
                    "--port",
                    String.valueOf(ports.admin())));
            command.addAll(List.of(arguments));
            Path log = log();
            try {
                var builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().putAll(SuiteDatabase.current().asEnvironment());
                // The domain started here inherits it: the address the links in its mails point at.
                builder.environment().put("LANYARD_APP_URL", "http://localhost:" + ports.http() + "/");
                Process process = builder.start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("asadmin " + arguments[0] + " timed out; see " + log);
                }
                return process.exitValue() == 0;
            } catch (IOException e) {
                throw new IllegalStateException("Could not run asadmin from " + home, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Path log() {
            return home.resolveSibling("payara-server-asadmin.log");
        }

        private static String tail(Path log) {
            List<String> lines;
            try {
                lines = Files.readAllLines(log);
            } catch (IOException e) {
                return "(no asadmin log: " + e.getMessage() + ")";
            }
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
    }
}
