package dev.lanyard.it.support;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.LongStream;
import javax.crypto.spec.SecretKeySpec;

/** What an authenticator app does with the base32 secret it was shown: RFC 6238 codes, 6 digits, 30 s steps. */
public final class Authenticator {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final SecretKeySpec key;

    public Authenticator(String base32Secret) {
        this.key = new SecretKeySpec(decode(base32Secret), "HmacSHA1");
    }

    public static long stepNow() {
        return Instant.now().getEpochSecond() / 30;
    }

    public String code(long step) {
        try {
            return String.format(
                    Locale.ROOT, "%06d", new HmacOneTimePasswordGenerator(6).generateOneTimePassword(key, step));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code that is no code of any step the server could accept now. */
    public String wrongCode() {
        long now = stepNow();
        var valid =
                LongStream.rangeClosed(now - 3, now + 3).mapToObj(this::code).toList();
        return LongStream.range(0, 1_000_000)
                .mapToObj(n -> String.format(Locale.ROOT, "%06d", n))
                .filter(code -> !valid.contains(code))
                .findFirst()
                .orElseThrow();
    }

    private static byte[] decode(String base32) {
        var out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
