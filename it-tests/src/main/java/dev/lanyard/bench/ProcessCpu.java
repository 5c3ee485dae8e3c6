package dev.lanyard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The CPU time a process has used so far, user and system, as Linux counts it in {@code /proc/<pid>/stat}. */
final class ProcessCpu {

    private static final long TICKS_PER_SECOND = clockTicksPerSecond();

    private ProcessCpu() {
    }

    static Duration of(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
        // The command name, the second field, is in parentheses and may hold spaces: count fields after it.
        // The fields after it begin with the third (state); utime and stime are the 14th and 15th.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        return Duration.ofNanos(ticks * 1_000_000_000L / TICKS_PER_SECOND);
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (getconf.waitFor() != 0) {
                throw new IllegalStateException("getconf CLK_TCK failed: " + answer);
            }
            return Long.parseLong(answer);
        } catch (IOException e) {
            throw new IllegalStateException("getconf CLK_TCK could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking getconf CLK_TCK", e);
        }
    }
}
