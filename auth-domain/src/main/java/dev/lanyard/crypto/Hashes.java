package dev.lanyard.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fast hash of secrets that are random enough not to need a slow one (tokens, reset links, challenges), and
 * the comparison of secrets in time that does not depend on where they differ, so timing leaks nothing.
 */
public final class Hashes {

    private Hashes() {}

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code value}. */
    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Whether two secrets are equal, compared in constant time; {@code null} equals nothing. */
    public static boolean same(String expected, String actual) {
        return expected != null && actual != null && same(expected.getBytes(UTF_8), actual.getBytes(UTF_8));
    }

    /** Whether two byte strings are equal, compared in constant time. */
    public static boolean same(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
