package dev.lanyard.token.entity;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.lanyard.crypto.Hashes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.zip.CRC32;

/**
 * The API token handed to a client once: {@code {id}|{prefix}{40 random alphanumerics}{crc32 as 8 hex digits}}.
 * Only {@link #sha256Hex()} of the secret is stored; the checksum lets malformed tokens be refused without a lookup.
 */
public record PlainTextToken(Long id, String secret) {

    private static final String SEPARATOR = "|";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_LENGTH = 40;
    private static final int CHECKSUM_LENGTH = 8;
    private static final int MAX_PREFIX_LENGTH = 32;
    private static final int MIN_SECRET_LENGTH = RANDOM_LENGTH + CHECKSUM_LENGTH;
    private static final int MAX_SECRET_LENGTH = MAX_PREFIX_LENGTH + MIN_SECRET_LENGTH;
    private static final int MAX_PRESENTED_LENGTH = 128;

    private static final String PREFIX_RULE = "[A-Za-z0-9_]{0," + MAX_PREFIX_LENGTH + "}";
    private static final String MAX_ID = Long.toString(Long.MAX_VALUE);

    /** Refuses anything {@link #parse} would not accept, so a malformed token cannot exist. */
    public PlainTextToken {
        requireWellFormed(id, secret);
    }

    /** A new secret: {@code prefix}, 40 uniformly drawn alphanumerics and the CRC32 of those 40 characters. */
    public static String newSecret(String prefix, SecureRandom random) {
        if (!isValidPrefix(prefix)) {
            throw new IllegalArgumentException("token prefix must match " + PREFIX_RULE + ": '" + prefix + "'");
        }
        Objects.requireNonNull(random, "random");
        char[] randomPart = new char[RANDOM_LENGTH];
        for (int i = 0; i < randomPart.length; i++) {
            // nextInt(bound) rejects draws that would wrap around, so every character is equally likely
            randomPart[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        String body = new String(randomPart);
        return prefix + body + checksum(body);
    }

    /** Whether {@code prefix} may start a secret; lets configuration be checked before the first token is issued. */
    public static boolean isValidPrefix(String prefix) {
        return prefix != null
                && prefix.length() <= MAX_PREFIX_LENGTH
                && all(prefix, 0, prefix.length(), PlainTextToken::isPrefixCharacter);
    }

    /** The string to hand to the client. */
    public static String format(long id, String secret) {
        requireWellFormed(id, secret);
        return id + SEPARATOR + secret;
    }

    /**
     * Reads a token presented by a client. Never throws: anything malformed, including a wrong checksum, is empty,
     * so no database lookup is ever made for it. A string without {@code |} is a secret alone.
     */
    public static Optional<PlainTextToken> parse(String presented) {
        if (presented == null || presented.length() > MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        int separator = presented.indexOf(SEPARATOR);
        if (separator != presented.lastIndexOf(SEPARATOR)) {
            return Optional.empty();
        }
        String idPart = separator < 0 ? null : presented.substring(0, separator);
        String secret = presented.substring(separator + 1);
        if ((idPart != null && !isValidId(idPart)) || !isWellFormedSecret(secret)) {
            return Optional.empty();
        }
        return Optional.of(new PlainTextToken(idPart == null ? null : Long.valueOf(idPart), secret));
    }

    public boolean hasId() {
        return id != null;
    }

    /** The value stored for this token: lowercase hex SHA-256 of the secret (the id is not part of it). */
    public String sha256Hex() {
        return Hashes.sha256Hex(secret);
    }

    /** Keeps the secret out of logs and stack traces. */
    @Override
    public String toString() {
        return "PlainTextToken[id=" + id + ", secret=***]";
    }

    private static void requireWellFormed(Long id, String secret) {
        if (id != null && id <= 0) {
            throw new IllegalArgumentException("token id must be positive: " + id);
        }
        if (!isWellFormedSecret(secret)) {
            // the secret itself stays out of the message
            throw new IllegalArgumentException("not a well-formed token secret");
        }
    }

    // Every presented token is checked here before any other work, so character loops rather than regular
    // expressions: they cost a fraction of the request that a pattern match and String.format did.
    private static boolean isValidId(String idPart) {
        // up to 19 digits without a leading zero, one more than every long has; equal-length digit strings
        // compare numerically
        return !idPart.isEmpty()
                && idPart.length() <= MAX_ID.length()
                && idPart.charAt(0) != '0'
                && all(idPart, 0, idPart.length(), PlainTextToken::isDigit)
                && (idPart.length() < MAX_ID.length() || idPart.compareTo(MAX_ID) <= 0);
    }

    private static boolean isWellFormedSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            return false;
        }
        // read from the end: the prefix may itself end in alphanumerics
        int randomStart = secret.length() - MIN_SECRET_LENGTH;
        int checksumStart = secret.length() - CHECKSUM_LENGTH;
        return all(secret, 0, randomStart, PlainTextToken::isPrefixCharacter)
                && all(secret, randomStart, checksumStart, PlainTextToken::isAlphanumeric)
                && secret.startsWith(checksum(secret.substring(randomStart, checksumStart)), checksumStart);
    }

    /** The CRC32 of the random part as 8 lowercase hex digits. */
    private static String checksum(String randomPart) {
        CRC32 crc = new CRC32();
        crc.update(randomPart.getBytes(US_ASCII));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    private static boolean all(String text, int from, int to, IntPredicate allowed) {
        for (int i = from; i < to; i++) {
            if (!allowed.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(int c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isPrefixCharacter(int c) {
        return isAlphanumeric(c) || c == '_';
    }
}
