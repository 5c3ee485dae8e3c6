package dev.lanyard.signature.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lanyard.crypto.Hashes;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures, base64url without padding. The purpose is signed with the payload, so a signature
 * made for one use (a verification link) is never valid for another (a CSRF token).
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public Hmac(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a signing key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String sign(String purpose, String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, payload));
    }

    /**
     * A 32-byte key for {@code purpose} derived from the server key (HKDF-Expand with one block), so encryption
     * never uses the signing key itself. The purpose is marked, so no signature ever equals a derived key.
     */
    public byte[] derive(String purpose) {
        return mac("derived-key:" + purpose, "\u0001");
    }

    private byte[] mac(String purpose, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
    public boolean verifies(String purpose, String payload, String signature) {
        if (signature == null) {
            return false;
        }
        return Hashes.same(sign(purpose, payload), signature);
    }
}
