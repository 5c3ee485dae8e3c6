package dev.lanyard.account.control;

import dev.lanyard.problem.TooManyAttempts;
import dev.lanyard.startup.StartupRefusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and verifies passwords. New hashes use {@code lanyard.password.algorithm}: {@code argon2id} (the default,
 * OWASP's first choice; {@code lanyard.password.argon2.memory-kib}, {@code .iterations}, {@code .parallelism}, by
 * default OWASP's minimum of 19 MiB, 2 passes, 1 lane) or {@code bcrypt} ({@code lanyard.password.bcrypt-cost},
 * 12). A stored hash of either algorithm verifies; one of the other algorithm or other parameters than configured
 * {@link #needsRehash needs re-hashing}, which a login does with the password it just verified.
 *
 * <p>Every hash passes a gate: no more at once than the machine has cores, and a short queue behind them. A
 * request that finds the queue full is refused at once with 429, so a flood of logins costs the server at most
 * its cores and a few waiting request threads, and everything else it serves keeps a share of the CPU. The gate
 * also bounds argon2's memory: at most one hash's worth a core.
 */
@ApplicationScoped
public class Passwords {

    private static final Logger LOG = Logger.getLogger(Passwords.class.getName());
    static final String BUSY = "The server is busy checking passwords. Try again in a second.";
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    // Four waiting a core: about half a second of argon2id at its defaults, enough for a burst of honest logins.
    private static final int QUEUE = 4 * CORES;
    // A hash admitted to the queue waits at most this long for a core; only a machine starved of CPU waits so long.
    private static final long MAX_WAIT_SECONDS = 10;

    private final Semaphore hashing = new Semaphore(CORES, true);
    private final Semaphore admitted = new Semaphore(CORES + QUEUE);

    @Inject
    @ConfigProperty(name = "lanyard.password.algorithm", defaultValue = "argon2id")
    String algorithm;

    @Inject
    @ConfigProperty(name = "lanyard.password.bcrypt-cost", defaultValue = "12")
    int cost;

    @Inject
    @ConfigProperty(name = "lanyard.password.argon2.memory-kib", defaultValue = "19456")
    int argon2MemoryKib;

    @Inject
    @ConfigProperty(name = "lanyard.password.argon2.iterations", defaultValue = "2")
    int argon2Iterations;

    @Inject
    @ConfigProperty(name = "lanyard.password.argon2.parallelism", defaultValue = "1")
    int argon2Parallelism;

    private PasswordHashes configured;
    private List<PasswordHashes> known;
    private String dummyHash;

    @PostConstruct
    void prepare() {
        try {
            var argon2id = new Argon2idHashes(
                    new Argon2idHashes.Parameters(argon2MemoryKib, argon2Iterations, argon2Parallelism));
            var bcrypt = new BcryptHashes(cost);
            configured = switch (algorithm.trim()) {
                case "argon2id" -> argon2id;
                case "bcrypt" -> bcrypt;
                default ->
                    throw new IllegalArgumentException(
                            "lanyard.password.algorithm is \"" + algorithm + "\"; it must be argon2id or bcrypt");
            };
            known = List.of(argon2id, bcrypt);
        } catch (IllegalArgumentException e) {
            var refusal = new StartupRefusal("the password settings: " + e.getMessage(), e);
            // Weld reports a failed @PostConstruct without its cause's message, so the reason is logged here.
            LOG.severe(refusal.getMessage());
            throw refusal;
        }
        // Made with the configured algorithm, so an unknown email costs what a real user's current hash costs.
        dummyHash = configured.hash("a password nobody has, verified when no user matches");
    }

    /** Creates this bean when the application starts, so that a wrong setting fails the deployment at once. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing is enough: the container built the bean and ran prepare() to deliver the event.
    }

    /** A new hash; 429 when the gate is full. */
    public String hash(String password) {
        try (Turn turn = turn()) {
            return turn.hash(password);
        }
    }

    /** Whether the password matches the hash; 429 when the gate is full. */
    public boolean verify(String password, String hash) {
        try (Turn turn = turn()) {
            return turn.verify(password, hash);
        }
    }

    /** Whether the hash was made with another algorithm or other parameters than the ones configured now. */
    public boolean needsRehash(String hash) {
        return !configured.isCurrent(hash);
    }

    /**
     * A place in the gate's queue, taken before any other work of a request that will hash, so that a request
     * the gate turns away has cost nothing else (no throttle count, no query); 429 at once when it is full.
     */
    public Turn turn() {
        if (!admitted.tryAcquire()) {
            throw new TooManyAttempts(BUSY, 1);
        }
        return new Turn();
    }

    /** A place at the gate: its hashes wait for a core, then run. Closing it gives the place back. */
    public final class Turn implements AutoCloseable {

        private boolean closed;

        private Turn() {}

        public String hash(String password) {
            return onACore(() -> configured.hash(password));
        }

        /**
         * False for a hash no known algorithm reads, as for a wrong password, and after as long: such an account
         * must not stand out by answering faster.
         */
        public boolean verify(String password, String hash) {
            return known.stream()
                    .filter(hashes -> hashes.recognises(hash))
                    .findFirst()
                    .map(hashes -> onACore(() -> hashes.verify(password, hash)))
                    .orElseGet(() -> verifyNothing(password));
        }

        /** Spends the time a real verification takes, so an unknown email cannot be told from a wrong password. */
        public boolean verifyNothing(String password) {
            verify(password, dummyHash);
            return false;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                admitted.release();
            }
        }

        private <T> T onACore(Supplier<T> work) {
            try {
                if (!hashing.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new TooManyAttempts(BUSY, 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TooManyAttempts(BUSY, 1);
            }
            try {
                return work.get();
            } finally {
                hashing.release();
            }
        }
    }
}
