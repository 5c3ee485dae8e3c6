package dev.lanyard.bench.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rate measured the same way for a login and for raw bcrypt: {@code workers} callers each start their next call as
 * soon as the last one ends, until the time is up; calls under way then finish and count, and the rate is the calls
 * over the time until the last of them ended. So no call is cut in half, however slow it is.
 */
public final class ClosedLoop {

    /** One measured call; it fails the measurement by throwing. */
    public interface Call {
        void run() throws Exception;
    }

    public record Rate(long calls, double seconds) {
        public double perSecond() {
            return calls / seconds;
        }
    }

    private ClosedLoop() {}

    public static Rate measure(int workers, double seconds, Call call) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(workers);
        var calls = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    call.run();
                    calls.incrementAndGet();
                }
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw new IllegalStateException("a measured call failed", e.getCause());
        }
        return new Rate(calls.get(), (System.nanoTime() - start) / 1e9);
    }
}
