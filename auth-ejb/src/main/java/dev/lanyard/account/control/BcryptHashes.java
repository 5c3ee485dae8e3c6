package dev.lanyard.account.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

/**
 * bcrypt ({@code $2b$}, {@code at.favre.lib:bcrypt}) at a given cost: the algorithm of Lanyard's first hashes, still
 * verified, and new hashes' when {@code lanyard.password.algorithm} is {@code bcrypt}.
 *
 * <p>bcrypt reads only 72 bytes. Rather than cut longer passwords silently, a password over 72 bytes is first hashed
 * with SHA-512, so every character typed counts; stored hashes were made that way, so verification does the same.
 */
final class BcryptHashes implements PasswordHashes {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;
    private final String currentPrefix;

    BcryptHashes(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("the bcrypt cost must be between 4 and 31, not " + cost);
        }
        this.cost = cost;
        this.currentPrefix = String.format("$2b$%02d$", cost);
    }

    @Override
    public boolean recognises(String hash) {
        return hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$");
    }

    @Override
    public String hash(String password) {
        return BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean verify(String password, String hash) {
        try {
            return BCrypt.verifyer(VERSION, LONG_PASSWORDS).verify(password.toCharArray(), hash).verified;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Override
    public boolean isCurrent(String hash) {
        return hash.startsWith(currentPrefix);
    }
}
