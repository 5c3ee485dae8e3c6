package dev.lanyard.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HashesTest {

    @Test
    void sha256HexMatchesKnownVectors() {
        assertThat(Hashes.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Hashes.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hashesMatchOnlyWhenEqual() {
        String hash = Hashes.sha256Hex("abc");
        String other = hash.substring(0, 63) + (hash.endsWith("d") ? "e" : "d");

        assertThat(Hashes.same(hash, Hashes.sha256Hex("abc"))).isTrue();
        assertThat(Hashes.same(hash, other)).isFalse();
        assertThat(Hashes.same(hash, hash.substring(1))).isFalse();
        assertThat(Hashes.same(hash, hash.toUpperCase(Locale.ROOT))).isFalse();
        assertThat(Hashes.same(hash, null)).isFalse();
        assertThat(Hashes.same(null, hash)).isFalse();
        assertThat(Hashes.same((String) null, null)).isFalse();
    }
}
