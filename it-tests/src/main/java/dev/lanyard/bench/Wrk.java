package dev.lanyard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wrk load generator (Debian's package) on loopback, with the Lua scripts in resources/bench; each measured run
 * also counts the CPU time the server's process used over it.
 */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) seconds=([0-9.]+) p50=(\\d+) p99=(\\d+) non2xx=(\\d+) errors=(\\d+)");
    private static final List<String> SCRIPTS = List.of(
            "summary.lua",
            "tokens.lua",
            "plain.lua",
            "random-token.lua",
            "each-token.lua",
            "login-flood.lua",
            "introspect.lua");
    private static final Pattern STATUS = Pattern.compile("STATUS (\\d+) (\\d+)");

    private final Path scripts;
    private final long serverPid;

    private Wrk(Path scripts, long serverPid) {
        this.scripts = scripts;
        this.serverPid = serverPid;
    }

    /**
     * Installs wrk from Debian's packages when it is missing, and unpacks the scripts; runs will count the CPU time
     * of the server process {@code serverPid}.
     */
    static Wrk prepare(Path directory, long serverPid) throws IOException, InterruptedException {
        if (!installed()) {
            System.out.println("[bench] wrk is missing: installing Debian's package (apt-get install wrk)");
            // Another apt-get (a browser test's setup, say) may hold dpkg's lock for a while.
            if (!succeeds("apt-get", "-q", "-o", "DPkg::Lock::Timeout=300", "update")
                    || !succeeds("apt-get", "-q", "-y", "-o", "DPkg::Lock::Timeout=300", "install", "wrk")
                    || !installed()) {
                throw new IllegalStateException("The benchmarks need wrk, and apt-get could not install it: "
                        + "install it with your package manager and run again");
            }
        }
        Files.createDirectories(directory);
        for (String script : SCRIPTS) {
            try (InputStream in = Wrk.class.getResourceAsStream("/bench/" + script)) {
                Files.copy(in, directory.resolve(script), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new Wrk(directory, serverPid);
    }

    /** Whether wrk starts at all: {@code wrk --version} exits with 1 even when all is well. */
    private static boolean installed() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            probe.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command to its end, its output discarded; false when it fails or cannot start. */
    private static boolean succeeds(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** What one wrk run measured, and the server's CPU time over it. Latencies in microseconds. */
    record Result(long requests, double seconds, long p50, long p99, long non2xx, long errors, Duration serverCpu) {
        double perSecond() {
            return requests / seconds;
        }

        /** The server's CPU time per request, in milliseconds: all its threads, the JIT's and the GC's included. */
        double cpuPerRequest() {
            return serverCpu.toNanos() / 1e6 / Math.max(1, requests);
        }

        /** Several runs as one: their requests over their time, and the median round's latencies. */
        static Result together(List<Result> rounds) {
            return new Result(
                    rounds.stream().mapToLong(Result::requests).sum(),
                    rounds.stream().mapToDouble(Result::seconds).sum(),
                    median(rounds, Result::p50),
                    median(rounds, Result::p99),
                    rounds.stream().mapToLong(Result::non2xx).sum(),
                    rounds.stream().mapToLong(Result::errors).sum(),
                    rounds.stream().map(Result::serverCpu).reduce(Duration.ZERO, Duration::plus));
        }

        private static long median(List<Result> rounds, ToLongFunction<Result> latency) {
            return rounds.stream()
                    .mapToLong(latency)
                    .sorted()
                    .skip(rounds.size() / 2)
                    .findFirst()
                    .orElseThrow();
        }
    }

    Result run(URI target, String script, int seconds, Map<String, String> environment)
            throws IOException, InterruptedException {
        return run(command(target, script, seconds, environment));
    }

    /**
     * {@code GET /api/user} with every token of the file once, in order: one thread, in runs of a few seconds,
     * each starting after the tokens the runs before sent.
     */
    void eachToken(URI target, Path tokens, long count) throws IOException, InterruptedException {
        for (long sent = 0; sent < count; ) {
            sent += run(command(
                            target,
                            "each-token.lua",
                            1,
                            32,
                            5,
                            Map.of("TOKENS_FILE", tokens.toString(), "START", String.valueOf(sent))))
                    .requests();
        }
    }

    private Result run(ProcessBuilder command) throws IOException, InterruptedException {
        Duration cpuBefore = ProcessCpu.of(serverPid);
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Duration cpu = ProcessCpu.of(serverPid).minus(cpuBefore);
        Matcher result = RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
        return new Result(
                Long.parseLong(result.group(1)),
                Double.parseDouble(result.group(2)),
                Long.parseLong(result.group(3)),
                Long.parseLong(result.group(4)),
                Long.parseLong(result.group(5)),
                Long.parseLong(result.group(6)),
                cpu);
    }

    /** Load in the background, for as long as it takes until the returned process is destroyed. */
    Process startBackground(URI target, String script, Map<String, String> environment) throws IOException {
        return command(target, script, 3_600, environment)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * Failed logins for new emails from {@code connections} connections, each sending one every {@code interval}
     * whatever the answer, for {@code seconds}; wrk is lighter than any client in this JVM, so the flood takes
     * little of the CPU the server and the measured load share with it.
     */
    LoginFlood startLoginFlood(URI target, int connections, Duration interval, int seconds) throws IOException {
        var builder = command(
                target,
                "login-flood.lua",
                1,
                connections,
                seconds,
                Map.of("FLOOD_INTERVAL_MS", String.valueOf(interval.toMillis())));
        return new LoginFlood(builder.start());
    }

    /** A running flood; its answers by status (0: no answer, -1: any other status) once it has ended. */
    record LoginFlood(Process process) {
        Map<Integer, Long> awaitAnswers() throws IOException, InterruptedException {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Map<Integer, Long> answers = new TreeMap<>();
            Matcher status = STATUS.matcher(output);
            while (status.find()) {
                answers.merge(Integer.valueOf(status.group(1)), Long.valueOf(status.group(2)), Long::sum);
            }
            if (answers.isEmpty()) {
                throw new IllegalStateException("the login flood printed no answers:\n" + output);
            }
            return answers;
        }
    }

    private ProcessBuilder command(URI target, String script, int seconds, Map<String, String> environment) {
        return command(target, script, 2, 32, seconds, environment);
    }

    private ProcessBuilder command(
            URI target, String script, int threads, int connections, int seconds, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                scripts.resolve(script).toString(),
                target.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BENCH_DIR", scripts.toString());
        builder.environment().putAll(environment);
        return builder;
    }
}
