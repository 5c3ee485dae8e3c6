package dev.lanyard.signature.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AeadTest {

    private final Aead aead = new Aead(new Hmac(key(3)).derive("two-factor-secret"));

    @Test
    void aSealedValueOpensWithItsKeyAndContext() {
        byte[] sealed = aead.seal("JBSWY3DPEHPK3PXP".getBytes(UTF_8), "user:42");

        assertThat(new String(aead.open(sealed, "user:42"), UTF_8)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(new String(sealed, UTF_8)).doesNotContain("JBSWY3DPEHPK3PXP");
    }

    @Test
    void sealingTwiceGivesDifferentBytes() {
        byte[] secret = {1, 2, 3};

        assertThat(aead.seal(secret, "user:1")).isNotEqualTo(aead.seal(secret, "user:1"));
    }

    @Test
    void anotherContextAnotherKeyOrATamperedValueDoesNotOpen() {
        byte[] sealed = aead.seal(new byte[] {1, 2, 3}, "user:42");
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> aead.open(sealed, "user:43")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aead.open(tampered, "user:42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Aead(new Hmac(key(4)).derive("two-factor-secret")).open(sealed, "user:42"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aead.open(new byte[5], "user:42")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivedKeysDependOnThePurposeAndAreNoSignature() {
        var hmac = new Hmac(key(3));

        assertThat(hmac.derive("a")).hasSize(32).isNotEqualTo(hmac.derive("b"));
        assertThat(hmac.derive("a")).isEqualTo(new Hmac(key(3)).derive("a"));
        assertThat(hmac.sign("a", ""))
                .isNotEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.derive("a")));
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
