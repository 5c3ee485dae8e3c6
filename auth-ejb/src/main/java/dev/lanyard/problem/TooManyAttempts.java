package dev.lanyard.problem;

/** A rate limit was hit, or the server is too busy; the caller may try again after {@link #retryAfterSeconds()}. */
public class TooManyAttempts extends Problem {

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        this("Too many attempts. Try again in " + retryAfterSeconds + " seconds.", retryAfterSeconds);
    }

    public TooManyAttempts(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
