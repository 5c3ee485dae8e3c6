package dev.lanyard.devserver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs Lanyard on Payara Micro for local use, on the database from {@code LANYARD_DB_*} or, when none is
 * configured, on an embedded PostgreSQL whose data survives restarts (until {@code mvn clean}).
 * Arguments: the Payara Micro jar, the WAR, the embedded database's data directory.
 */
public final class DevServer {

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args[2]);
        int port = Integer.parseInt(
                Optional.ofNullable(System.getenv("LANYARD_PORT")).orElse("8080"));

        Database database = Database.fromEnvironmentOrEmbedded("LANYARD_DB", Optional.of(dataDirectory));
        if (database.isEmbedded()) {
            System.out.println("[lanyard] LANYARD_DB_URL is not set: using an embedded PostgreSQL in " + dataDirectory);
        }
        List<String> jvmOptions = new ArrayList<>(database.isEmbedded() ? database.asSystemProperties() : List.of());
        // Without a mail server a developer reads the mails, reset and verification links included, in the log.
        jvmOptions.add("-Dlanyard.mail.log-unsent=true");
        MicroServer server;
        try {
            server = MicroServer.start(Path.of(args[0]), Path.of(args[1]), port, jvmOptions, System.out::println);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("[lanyard] Could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
            }
        }));
        System.out.println("[lanyard] Running at " + server.base() + " (readiness: " + server.status("health/ready")
                + " from " + server.base() + "health/ready). Ctrl-C stops it.");
        server.awaitExit();
    }
}
