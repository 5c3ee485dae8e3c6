package dev.lanyard.bench;

import dev.lanyard.devserver.Database;
import dev.lanyard.devserver.MicroServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** What the benchmarks share: a server on its own database, HTTP, SQL, and their section of BENCHMARKS.md. */
final class Bench {

    static final String ADMIN_EMAIL = "bench-admin@lanyard.test";
    static final String ADMIN_PASSWORD = "benchmark admin passphrase";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Bench() {}

    /** Lanyard on Payara Micro with a bootstrap admin, ready to answer; microOptions may deploy more beside it. */
    static MicroServer startServer(
            Database database, Path microJar, Path war, List<String> jvmOptions, List<String> microOptions)
            throws IOException, InterruptedException {
        List<String> micro = new ArrayList<>(List.of("--nocluster"));
        micro.addAll(microOptions);
        return start(database, microJar, war, jvmOptions, micro, line -> {});
    }

    /**
     * Two nodes of Lanyard clustered through Payara's data grid on loopback (explicit members, a cluster name of
     * their own), each ready and seeing the other.
     */
    static List<MicroServer> startCluster(Database database, Path microJar, Path war)
            throws IOException, InterruptedException {
        List<Integer> gridPorts = List.of(MicroServer.freePort(), MicroServer.freePort());
        String members = "tcpip:127.0.0.1:" + gridPorts.get(0) + ",127.0.0.1:" + gridPorts.get(1);
        String cluster = "lanyard-bench-" + UUID.randomUUID();
        List<MicroServer> nodes = new ArrayList<>();
        List<CountDownLatch> joined = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            var sawBoth = new CountDownLatch(1);
            joined.add(sawBoth);
            nodes.add(start(
                    database,
                    microJar,
                    war,
                    List.of(),
                    List.of(
                            "--clustermode",
                            members,
                            "--interfaces",
                            "127.0.0.1",
                            "--startport",
                            String.valueOf(gridPorts.get(node)),
                            "--clustername",
                            cluster,
                            "--name",
                            "bench-" + node),
                    line -> {
                        if (line.contains("DG Size: 2")) {
                            sawBoth.countDown();
                        }
                    }));
        }
        for (CountDownLatch sawBoth : joined) {
            if (!sawBoth.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the two benchmark nodes did not form one data grid");
            }
        }
        return nodes;
    }

    private static MicroServer start(
            Database database,
            Path microJar,
            Path war,
            List<String> jvmOptions,
            List<String> microOptions,
            Consumer<String> output)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(database.asSystemProperties());
        options.add("-Dlanyard.admin.email=" + ADMIN_EMAIL);
        options.add("-Dlanyard.admin.password=" + ADMIN_PASSWORD);
        options.addAll(jvmOptions);
        var server = MicroServer.start(microJar, war, MicroServer.freePort(), options, microOptions, output);
        for (int i = 0; i < 120 && server.status("health/ready") != 200; i++) {
            Thread.sleep(500);
        }
        return server;
    }

    /**
     * With {@code LANYARD_BENCH_JFR=<prefix>} set, records the next {@code seconds} of the server with JFR's profile
     * settings into {@code <prefix>-<what>.jfr} (through jcmd), for the analysis in BENCHMARKS.md; otherwise does
     * nothing.
     */
    static void recordProfileIfAsked(MicroServer server, int seconds, String what)
            throws IOException, InterruptedException {
        String prefix = System.getenv("LANYARD_BENCH_JFR");
        if (prefix == null || prefix.isBlank()) {
            return;
        }
        String file = prefix + "-" + what + ".jfr";
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process process = new ProcessBuilder(
                        jcmd,
                        String.valueOf(server.pid()),
                        "JFR.start",
                        "name=bench-" + what,
                        "settings=profile",
                        "duration=" + seconds + "s",
                        "filename=" + Path.of(file).toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd could not start a JFR recording of the server");
        }
        System.out.println("[bench] recording a JFR profile to " + file);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String login(MicroServer server, String email, String password) throws IOException, InterruptedException {
        var reply = send(HttpRequest.newBuilder(server.base().resolve("api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + reply.body());
        }
        return reply.body().replaceFirst(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static long number(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Replaces this benchmark's section of the report, keeping the others' figures. */
    static void writeSection(Path report, String name, String markdown) throws IOException {
        String begin = "<!-- begin " + name + " -->";
        String end = "<!-- end " + name + " -->";
        String section = begin + "\n" + markdown.strip() + "\n" + end;
        String text = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
        if (!text.contains("Each section is written by")) {
            text = "# Benchmarks\n\nEach section is written by its benchmark (see the README), with figures measured"
                    + " side by side in one run on one machine.\n";
        }
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        text = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(report, text);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java "
                + System.getProperty("java.version");
    }
}
