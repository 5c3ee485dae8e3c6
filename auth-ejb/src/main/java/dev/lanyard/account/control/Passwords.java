package dev.lanyard.account.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and verifies passwords with bcrypt ({@code lanyard.password.bcrypt-cost}, default 12).
 *
 * <p>bcrypt reads only 72 bytes. Rather than cut longer passwords silently, a password over 72 bytes is first
 * hashed with SHA-512, so every character typed counts.
 */
@ApplicationScoped
public class Passwords {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    @Inject
    @ConfigProperty(name = "lanyard.password.bcrypt-cost", defaultValue = "12")
    int cost;

    private String dummyHash;

    @PostConstruct
    void prepareDummy() {
        dummyHash = hash("a password nobody has, verified when no user matches");
    }

    public String hash(String password) {
        return BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return BCrypt.verifyer(VERSION, LONG_PASSWORDS).verify(password.toCharArray(), hash).verified;
    }

    /** Spends the time a real verification takes, so an unknown email cannot be told from a wrong password. */
    public void verifyNothing(String password) {
        verify(password, dummyHash);
    }

    /** Whether the hash was made with another cost than the one configured now. */
    public boolean needsRehash(String hash) {
        return hash.length() < 7 || !hash.startsWith(String.format("$%s$%02d$", "2b", cost));
    }
}
