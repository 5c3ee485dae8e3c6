package dev.lanyard.twofactor.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import dev.lanyard.crypto.Hashes;
import dev.lanyard.crypto.Secrets;
import java.net.URLEncoder;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes as authenticator apps make them: HMAC-SHA1, 6 digits, 30-second steps, computed by
 * {@code com.eatthepath:java-otp}. A code is accepted for the current step or one step either side, to allow for
 * clocks that differ and for typing.
 */
public final class Totp {

    public static final int SECRET_BYTES = 20;
    private static final long STEP_SECONDS = 30;
    private static final int WINDOW = 1;
    private static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final HmacOneTimePasswordGenerator HOTP = new HmacOneTimePasswordGenerator(DIGITS);

    private Totp() {}

    public static byte[] newSecret() {
        return Secrets.bytes(SECRET_BYTES);
    }

    public static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one time step. */
    public static String code(byte[] secret, long step) {
        try {
            return String.format(
                    "%0" + DIGITS + "d", HOTP.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"), step));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable TOTP secret", e);
        }
    }

    /**
     * The step whose code {@code code} is, among the steps around {@code now}; empty when none matches. The
     * caller still has to refuse a step it accepted before.
     */
    public static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        OptionalLong found = OptionalLong.empty();
        // Every step of the window is computed, whichever matches, so timing says nothing about the match.
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (Hashes.same(code(secret, step), code) && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    /** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** The {@code otpauth://} URI an authenticator app reads from a QR code (Google's Key Uri Format). */
    public static String otpauthUri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20");
    }
}
