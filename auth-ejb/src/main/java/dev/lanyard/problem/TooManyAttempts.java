package dev.lanyard.problem;

/** A rate limit was hit; the caller may try again after {@link #retryAfterSeconds()}. */
public class TooManyAttempts extends Problem {

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        super("Too many attempts. Try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
