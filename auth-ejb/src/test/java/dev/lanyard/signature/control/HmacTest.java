package dev.lanyard.signature.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HmacTest {

    private final Hmac hmac = new Hmac(key(7));

    @Test
    void aSignatureVerifiesForItsPurposeAndPayloadOnly() {
        String signature = hmac.sign("verify-email", "42|ann@example.com|1700000000");

        assertThat(hmac.verifies("verify-email", "42|ann@example.com|1700000000", signature))
                .isTrue();
        assertThat(hmac.verifies("verify-email", "43|ann@example.com|1700000000", signature))
                .isFalse();
        assertThat(hmac.verifies("csrf", "42|ann@example.com|1700000000", signature))
                .isFalse();
        assertThat(hmac.verifies("verify-email", "42|ann@example.com|1700000000", null))
                .isFalse();
        assertThat(hmac.verifies("verify-email", "42|ann@example.com|1700000000", signature + "A"))
                .isFalse();
    }

    @Test
    void theKeyDecides() {
        assertThat(new Hmac(key(8)).sign("p", "x")).isNotEqualTo(hmac.sign("p", "x"));
        assertThat(new Hmac(key(7)).sign("p", "x")).isEqualTo(hmac.sign("p", "x"));
    }

    @Test
    void purposeAndPayloadCannotBeShiftedIntoEachOther() {
        assertThat(hmac.sign("ab", "c")).isNotEqualTo(hmac.sign("a", "bc"));
    }

    @Test
    void signaturesAreUrlSafe() {
        assertThat(hmac.sign("p", "payload")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new Hmac(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
