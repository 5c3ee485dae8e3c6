package dev.lanyard.devserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The Lanyard WAR on a Payara Micro process of its own, at context root {@code /}.
 *
 * <p>Payara Micro announces itself ready even when the deployment failed (and then answers 404 everywhere), so
 * {@link #start} also waits for the API to answer: a 404, or Lanyard's own refusal in the log, means it did not
 * deploy; an error or no answer is a start still under way (see {@link #awaitApi}).
 */
public final class MicroServer implements AutoCloseable {

    /** Asadmin commands for every Payara Micro that runs Lanyard; arquillian.xml passes the same file. */
    public static final String PREBOOT_COMMANDS = "payara-micro-preboot.asadmin";

    /** How Lanyard begins the reason it refuses to start (auth-ejb's StartupRefusal): final, as a 404 is. */
    private static final String REFUSAL = "Lanyard cannot start: ";

    /** How long a deployed application may answer errors, or nothing, before it counts as broken. */
    private static final Duration API_PATIENCE = Duration.ofMinutes(2);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI base;

    private MicroServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts a Payara Micro of its own, outside any cluster, and waits until Lanyard answers; every line Micro
     * prints goes to {@code output}. Links in its mails point at it ({@code lanyard.app.url} is its own address)
     * unless {@code jvmOptions} say otherwise.
     */
    public static MicroServer start(Path microJar, Path war, int port, List<String> jvmOptions, Consumer<String> output)
            throws IOException, InterruptedException {
        return start(microJar, war, port, jvmOptions, List.of("--nocluster"), output);
    }

    /** As {@link #start(Path, Path, int, List, Consumer)}, with Payara Micro options such as clustering. */
    public static MicroServer start(
            Path microJar,
            Path war,
            int port,
            List<String> jvmOptions,
            List<String> microOptions,
            Consumer<String> output)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // First, so that a caller's own -Dlanyard.app.url, later on the line, wins.
        command.add("-Dlanyard.app.url=http://localhost:" + port + "/");
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                microJar.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(port),
                "--prebootcommandfile",
                prebootCommands().toString()));
        command.addAll(microOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var server = new MicroServer(process, URI.create("http://localhost:" + port + "/"));

        CompletableFuture<Void> booted = new CompletableFuture<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        Consumer<String> watched = line -> {
            int refusal = line.indexOf(REFUSAL);
            if (refusal >= 0) {
                refusals.add(line.substring(refusal));
            }
            output.accept(line);
        };
        Thread relay = new Thread(() -> relay(process, watched, booted), "payara-micro-output");
        relay.setDaemon(true);
        relay.start();
        try {
            booted.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            server.close();
            throw new IllegalStateException("Payara Micro did not start: " + e.getMessage(), e);
        }
        try {
            server.awaitApi(output, refusals);
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            if (!refusals.isEmpty()) {
                throw new IllegalStateException("Lanyard did not deploy. " + refusals.get(0), e);
            }
            throw e;
        }
        return server;
    }

    /**
     * Waits until {@code GET /api/ping} answers 200. A 404 is final: Payara answers it on every path once "ready"
     * when the deployment failed. An error or no answer is not: the application builds much of itself on its first
     * requests, and a node started while traffic is already arriving may answer those with errors for a moment.
     */
    private void awaitApi(Consumer<String> output, List<String> refusals) throws InterruptedException {
        long deadline = System.nanoTime() + API_PATIENCE.toNanos();
        int reported = 200;
        while (true) {
            int status = status("api/ping");
            if (status == 200) {
                return;
            }
            if (!refusals.isEmpty()) {
                throw new IllegalStateException("Lanyard refused to start");
            }
            if (status == 404) {
                throw new IllegalStateException("Lanyard did not deploy (GET /api/ping answered 404); the reason is"
                        + " in Payara Micro's log");
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited while Lanyard was starting");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Lanyard deployed but GET /api/ping still answered " + status
                        + " after " + API_PATIENCE.toSeconds() + " s; the reason is in Payara Micro's log");
            }
            if (status != reported) {
                reported = status;
                output.accept("[lanyard] GET /api/ping answered " + (status < 0 ? "nothing" : status)
                        + " while starting; waiting for 200");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Payara's HTTP listener refuses a DELETE with a body (400) unless told otherwise, and
     * {@code DELETE /api/user/two-factor-authentication} carries the password in one; its 200 worker threads cost
     * more CPU a request on a small machine than 16 (BENCHMARKS.md).
     */
    private static Path prebootCommands() throws IOException {
        Path file = Files.createTempFile("lanyard-preboot", ".asadmin");
        file.toFile().deleteOnExit();
        try (var commands = MicroServer.class.getResourceAsStream("/" + PREBOOT_COMMANDS)) {
            Files.copy(commands, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** A port nothing listens on now, for a server of a test or benchmark. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server's process id, for the JDK's tools (jcmd, JFR). */
    public long pid() {
        return process.pid();
    }

    public URI base() {
        return base;
    }

    /** The HTTP status of a GET on {@code path}, relative to the server's root; -1 when nothing answers. */
    public int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(60));
    }

    private static void relay(Process process, Consumer<String> output, CompletableFuture<Void> booted) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.accept(line);
                if (line.contains("Payara Micro") && line.contains("ready in")) {
                    booted.complete(null);
                }
            }
        } catch (IOException e) {
            booted.completeExceptionally(e);
        }
        booted.completeExceptionally(new IllegalStateException("Payara Micro exited before it was ready"));
    }
}
