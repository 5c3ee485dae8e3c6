package dev.lanyard.devserver;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending the processes the dev server, the benchmarks and the tests start (Payara Micro, nginx, Prometheus). */
public final class Processes {

    private Processes() {}

    /** Asks the process to end, and kills it when it has not within {@code patience}. */
    public static void stop(Process process, Duration patience) {
        process.destroy();
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
