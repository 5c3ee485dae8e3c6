package dev.lanyard.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool's installation (apt-get, npm) for a test, its output into a file under {@code target/installs}:
 * written to the test JVM's own stdout, it would corrupt the channel Maven's forked test JVM reports through.
 */
public final class Installer {

    private Installer() {}

    /** Whether the command, run in {@code directory}, ended with 0 within {@code minutes}. */
    public static boolean run(String name, Path directory, long minutes, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target", "installs")).resolve(name + ".log");
        var process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
