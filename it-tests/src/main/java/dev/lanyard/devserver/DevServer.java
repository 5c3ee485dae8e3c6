package dev.lanyard.devserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the Lanyard WAR on Payara Micro for local use, on the database from {@code LANYARD_DB_*} or, when none
 * is configured, on an embedded PostgreSQL whose data survives restarts (until {@code mvn clean}).
 *
 * <p>Payara Micro announces itself ready even when the deployment failed; this launcher checks that the API
 * really answers and stops with an error otherwise.
 */
public final class DevServer {

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        Path microJar = Path.of(args[0]);
        Path war = Path.of(args[1]);
        Path dataDirectory = Path.of(args[2]);
        int port = Integer.parseInt(Optional.ofNullable(System.getenv("LANYARD_PORT")).orElse("8080"));

        Database database = Database.fromEnvironmentOrEmbedded("LANYARD_DB", Optional.of(dataDirectory));
        if (database.isEmbedded()) {
            System.out.println("[lanyard] LANYARD_DB_URL is not set: using an embedded PostgreSQL in " + dataDirectory);
        }

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (database.isEmbedded()) {
            command.addAll(database.asSystemProperties());
        }
        command.addAll(List.of("-jar", microJar.toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--port", String.valueOf(port), "--nocluster"));
        Process micro = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(micro, database)));

        CompletableFuture<Void> booted = new CompletableFuture<>();
        Thread output = new Thread(() -> relay(micro, booted), "payara-micro-output");
        output.setDaemon(true);
        output.start();

        booted.get();
        String base = "http://localhost:" + port;
        int status = statusOf(base + "/api/ping");
        if (status != 200) {
            micro.destroy();
            throw new IllegalStateException("Lanyard did not deploy (GET /api/ping answered " + status
                    + "); the reason is in the log above.");
        }
        System.out.println("[lanyard] Running at " + base + "/  (readiness: " + statusOf(base + "/health/ready")
                + " from " + base + "/health/ready). Ctrl-C stops it.");
        micro.waitFor();
    }

    private static void relay(Process micro, CompletableFuture<Void> booted) {
        try (var lines = new BufferedReader(new InputStreamReader(micro.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println(line);
                if (line.contains("Payara Micro") && line.contains("ready in")) {
                    booted.complete(null);
                }
            }
        } catch (IOException e) {
            booted.completeExceptionally(e);
        }
        booted.completeExceptionally(new IllegalStateException("Payara Micro exited before it was ready"));
    }

    private static int statusOf(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void stop(Process micro, Database database) {
        micro.destroy();
        try {
            micro.waitFor();
            database.close();
        } catch (IOException e) {
            System.err.println("[lanyard] Could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
