package dev.lanyard.account.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import dev.lanyard.problem.TooManyAttempts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and verifies passwords with bcrypt ({@code lanyard.password.bcrypt-cost}, default 12).
 *
 * <p>bcrypt reads only 72 bytes. Rather than cut longer passwords silently, a password over 72 bytes is first
 * hashed with SHA-512, so every character typed counts.
 *
 * <p>Every hash passes a gate: no more at once than the machine has cores, and a short queue behind them. A
 * request that finds the queue full is refused at once with 429, so a flood of logins costs the server at most
 * its cores and a few waiting request threads, and everything else it serves keeps a share of the CPU.
 */
@ApplicationScoped
public class Passwords {

    static final String BUSY = "The server is busy checking passwords. Try again in a second.";
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    // Four waiting a core: a queue of about a second at cost 12, enough for a burst of honest logins.
    private static final int QUEUE = 4 * CORES;
    // A hash admitted to the queue waits at most this long for a core; only a machine starved of CPU waits so long.
    private static final long MAX_WAIT_SECONDS = 10;

    private final Semaphore hashing = new Semaphore(CORES, true);
    private final Semaphore admitted = new Semaphore(CORES + QUEUE);

    @Inject
    @ConfigProperty(name = "lanyard.password.bcrypt-cost", defaultValue = "12")
    int cost;

    private String dummyHash;

    @PostConstruct
    void prepareDummy() {
        dummyHash = BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(cost,
                "a password nobody has, verified when no user matches".toCharArray());
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

    /** Whether the hash was made with another cost than the one configured now. */
    public boolean needsRehash(String hash) {
        return hash.length() < 7 || !hash.startsWith(String.format("$%s$%02d$", "2b", cost));
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

        private Turn() {
        }

        public String hash(String password) {
            return onACore(() -> BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(cost, password.toCharArray()));
        }

        public boolean verify(String password, String hash) {
            return onACore(() -> BCrypt.verifyer(VERSION, LONG_PASSWORDS).verify(password.toCharArray(), hash)
                    .verified);
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
