package dev.lanyard.crypto;

import java.security.SecureRandom;

/**
 * Every random secret Lanyard makes (tokens, salts, nonces, keys, challenges, recovery codes) comes from the one
 * {@link SecureRandom} here, so there is one place to see how they are drawn.
 */
public final class Secrets {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** The generator, for code that draws in its own way (a token's alphabet). */
    public static SecureRandom random() {
        return RANDOM;
    }

    /** {@code length} random bytes: salts, nonces, keys. */
    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code length} letters and digits, each equally likely: 40 of them carry 238 bits. */
    public static String alphanumeric(int length) {
        return draw(ALPHANUMERIC, length);
    }

    /** {@code xxxxxxxxxx-xxxxxxxxxx} in lowercase letters and digits (103 bits), easy to copy from paper. */
    public static String recoveryCode() {
        return draw(LOWER, 10) + "-" + draw(LOWER, 10);
    }

    private static String draw(String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        return new String(chars);
    }
}
