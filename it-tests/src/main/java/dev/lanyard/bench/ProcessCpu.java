package dev.lanyard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU time a process has used so far, user and system, from Linux's {@code /proc/<pid>/stat}: read before and
 * after a measured window, the difference over the requests served is the server's CPU per request, a figure that
 * a neighbour's load on a shared machine moves far less than a rate.
 */
final class ProcessCpu {

    // Linux reports the times in clock ticks of 1/USER_HZ s; USER_HZ is 100 (getconf CLK_TCK) on every common kernel.
    private static final long TICKS_PER_SECOND = 100;
    // utime and stime are the 14th and 15th fields; counted after the command name, which may hold spaces.
    private static final int UTIME_AFTER_NAME = 14 - 3;

    private ProcessCpu() {}

    static Duration of(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of process " + pid, e);
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[UTIME_AFTER_NAME]) + Long.parseLong(fields[UTIME_AFTER_NAME + 1]);
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }
}
