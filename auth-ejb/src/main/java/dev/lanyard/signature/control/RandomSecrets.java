package dev.lanyard.signature.control;

import java.security.SecureRandom;

/** Random one-time secrets (reset tokens, challenges, recovery codes) from {@link SecureRandom}. */
public final class RandomSecrets {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecrets() {
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
