package dev.lanyard.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.devserver.Processes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Debian's Prometheus, run in the foreground on a free loopback port with a configuration, its data and log in a
 * directory of the test's. When it is missing it is installed with apt-get, as the browser tests install Chromium;
 * the package's own service is not used (where no policy forbids it, its postinst starts one on port 9090 with
 * the package's configuration, which this does not touch).
 */
public final class Prometheus implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path directory;
    private final URI api;

    private Prometheus(Process process, Path directory, URI api) {
        this.process = process;
        this.directory = directory;
        this.api = api;
    }

    /** Starts Prometheus with {@code configuration} (prometheus.yml's text) and waits until it is ready. */
    public static Prometheus start(Path directory, String configuration) throws IOException, InterruptedException {
        installIfMissing();
        Path home = Files.createDirectories(directory.toAbsolutePath());
        Path config = home.resolve("prometheus.yml");
        Files.writeString(config, configuration, UTF_8);
        int port = MicroServer.freePort();
        Process process = new ProcessBuilder(
                        BINARY.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + home.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("prometheus.log").toFile())
                .start();
        var prometheus = new Prometheus(process, home, URI.create("http://127.0.0.1:" + port + "/"));
        prometheus.await(
                "get ready",
                Duration.ofSeconds(30),
                () -> prometheus.get("-/ready").statusCode() == 200);
        return prometheus;
    }

    /** Waits until every target has been scraped and the last scrape of each succeeded. */
    public void awaitTargetsUp(Duration timeout) throws IOException, InterruptedException {
        await("see its targets up", timeout, () -> {
            var targets = json(get("api/v1/targets")).getJsonObject("data").getJsonArray("activeTargets");
            return !targets.isEmpty()
                    && targets.getValuesAs(JsonObject.class).stream()
                            .allMatch(target -> target.getString("health").equals("up"));
        });
    }

    /** The answer of the HTTP API to an instant query, as JSON ({@code status}, {@code data.result}). */
    public JsonObject query(String promql) throws IOException, InterruptedException {
        return json(get("api/v1/query?query=" + URLEncoder.encode(promql, UTF_8)));
    }

    /** What Prometheus wrote, and what it says of its targets: for a failure's message. */
    public String diagnostics() {
        try {
            return Files.readString(directory.resolve("prometheus.log")) + "\n"
                    + get("api/v1/targets").body();
        } catch (IOException | InterruptedException | RuntimeException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
    }

    private interface Check {
        boolean holds() throws IOException, InterruptedException;
    }

    private void await(String what, Duration timeout, Check check) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus stopped: " + diagnostics());
            }
            try {
                if (check.holds()) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            if (Instant.now().isAfter(deadline)) {
                String diagnostics = diagnostics();
                close();
                throw new IllegalStateException(
                        "Prometheus did not " + what + " within " + timeout + ": " + diagnostics);
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(api.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static void installIfMissing() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        if (!Installer.run(
                "prometheus",
                Path.of("."),
                10,
                "sh",
                "-c",
                "apt-get update"
                        + " && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus")) {
            throw new IllegalStateException("Prometheus is missing and apt-get could not install it"
                    + " (apt-get install prometheus, as root); see target/installs/prometheus.log");
        }
    }
}
