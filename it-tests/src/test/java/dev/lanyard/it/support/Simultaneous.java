package dev.lanyard.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests sent together: one thread each, released at once by a barrier. */
public final class Simultaneous {

    private Simultaneous() {}

    /** What one request got back, whichever client sent it. */
    public record Answer(int status, Optional<String> retryAfter, String body) {

        public static Answer of(Api.Reply reply) {
            return new Answer(reply.status(), reply.header("Retry-After"), reply.body());
        }

        public static Answer of(LoopbackClient.Reply reply) {
            return new Answer(reply.status(), reply.header("Retry-After"), reply.body());
        }

        @Override
        public String toString() {
            return status
                    + retryAfter
                            .map(seconds -> " (Retry-After " + seconds + ")")
                            .orElse("") + " " + body;
        }
    }

    /** All answers, in the order the requests were numbered. */
    public record Answers(List<Answer> all) {

        public long count(int status) {
            return all.stream().filter(answer -> answer.status() == status).count();
        }

        public List<Answer> withStatus(int status) {
            return all.stream().filter(answer -> answer.status() == status).toList();
        }

        public Map<Integer, Long> byStatus() {
            Map<Integer, Long> counts = new TreeMap<>();
            all.forEach(answer -> counts.merge(answer.status(), 1L, Long::sum));
            return counts;
        }

        @Override
        public String toString() {
            return byStatus() + " " + all;
        }
    }

    /** Sends {@code count} requests, the i-th made by {@code request.apply(i)}, all released together. */
    public static Answers send(int count, IntFunction<Answer> request) {
        return new Answers(all(count, request));
    }

    /** The same for any kind of reply, in the order the requests were numbered. */
    public static <T> List<T> all(int count, IntFunction<T> request) {
        var barrier = new CyclicBarrier(count);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                replies.add(threads.submit(() -> {
                    barrier.await();
                    return request.apply(number);
                }));
            }
            List<T> all = new ArrayList<>();
            for (Future<T> reply : replies) {
                all.add(reply.get());
            }
            return all;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
