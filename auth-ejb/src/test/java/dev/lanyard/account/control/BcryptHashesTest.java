package dev.lanyard.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptHashesTest {

    private final BcryptHashes hashes = new BcryptHashes(4);

    @Test
    void verifiesWhatItHashedAndNothingElse() {
        String hash = hashes.hash("tulip-harbor-9");

        assertThat(hash).startsWith("$2b$04$").doesNotContain("tulip");
        assertThat(hashes.verify("tulip-harbor-9", hash)).isTrue();
        assertThat(hashes.verify("tulip-harbor-8", hash)).isFalse();
    }

    @Test
    void everyByteOfALongPasswordCounts() {
        String first72 = "ü".repeat(36);
        String hash = hashes.hash(first72 + "tail one");

        assertThat(hashes.verify(first72 + "tail one", hash)).isTrue();
        assertThat(hashes.verify(first72 + "tail two", hash)).isFalse();
    }

    @Test
    void aHashOfAnotherCostOrAlgorithmIsNotCurrent() {
        assertThat(hashes.isCurrent(hashes.hash("tulip-harbor-9"))).isTrue();
        assertThat(hashes.isCurrent(new BcryptHashes(5).hash("tulip-harbor-9"))).isFalse();
        assertThat(hashes.isCurrent(new Argon2idHashes(new Argon2idHashes.Parameters(64, 1, 1)).hash("x")))
                .isFalse();
        assertThat(hashes.isCurrent("")).isFalse();
    }

    @Test
    void recognisesBcryptOnly() {
        assertThat(hashes.recognises(hashes.hash("x"))).isTrue();
        assertThat(hashes.recognises("$2a$04$abcdefghijklmnopqrstuu")).isTrue();
        assertThat(hashes.recognises(new Argon2idHashes(new Argon2idHashes.Parameters(64, 1, 1)).hash("x")))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a hash",
                "$2b$04$",
                "$2b$04$short",
                "$2b$99$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz012",
                "$2b$04$!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
            })
    void aMalformedHashVerifiesNothingAndThrowsNothing(String malformed) {
        assertThat(hashes.verify("tulip-harbor-9", malformed)).isFalse();
    }

    @Test
    void refusesACostBcryptRefuses() {
        assertThatThrownBy(() -> new BcryptHashes(3)).hasMessageContaining("between 4 and 31");
        assertThatThrownBy(() -> new BcryptHashes(32)).hasMessageContaining("between 4 and 31");
    }
}
