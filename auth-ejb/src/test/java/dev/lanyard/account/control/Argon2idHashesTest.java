package dev.lanyard.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idHashesTest {

    // Small parameters keep the tests quick; the vectors below are at OWASP's minimum.
    private static final Argon2idHashes.Parameters SMALL = new Argon2idHashes.Parameters(64, 1, 1);
    private final Argon2idHashes hashes = new Argon2idHashes(SMALL);

    @Test
    void verifiesWhatItHashedAndNothingElse() {
        String hash = hashes.hash("tulip-harbor-9");

        assertThat(hash).doesNotContain("tulip");
        assertThat(hashes.verify("tulip-harbor-9", hash)).isTrue();
        assertThat(hashes.verify("tulip-harbor-8", hash)).isFalse();
        assertThat(hashes.verify("", hash)).isFalse();
    }

    @Test
    void writesThePhcStringFormatWithItsParametersA16ByteSaltAndA32ByteHash() {
        String hash = new Argon2idHashes(Argon2idHashes.Parameters.OWASP_MINIMUM).hash("tulip-harbor-9");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        String[] parts = hash.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    }

    @Test
    void saltsEveryHashAfresh() {
        assertThat(hashes.hash("tulip-harbor-9")).isNotEqualTo(hashes.hash("tulip-harbor-9"));
    }

    @Test
    void verifiesHashesOfTheReferenceImplementationWithTheParametersWrittenInThem() {
        // Made by the reference implementation's CLI (Debian's argon2 20171227): echo -n PASSWORD | argon2 SALT -id
        // -t 2 -k 19456 -p 1 -l 32 -e, and -t 2 -m 16 -p 4 -l 24 -e.
        String owaspMinimum = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA"
                + "$Wie942fW7zSjR7kPDCQGH1wG+FuliCL9TQL/CMhJKDM";
        String fourLanesShortTag = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$F1jG2CV3/Nr+yRuIsPKw0J9r4s7cJHBU";

        assertThat(hashes.verify("tulip-harbor-9", owaspMinimum)).isTrue();
        assertThat(hashes.verify("tulip-harbor-8", owaspMinimum)).isFalse();
        assertThat(hashes.verify("password", fourLanesShortTag)).isTrue();
        assertThat(hashes.verify("passwort", fourLanesShortTag)).isFalse();
    }

    @Test
    void everyByteOfALongPasswordCounts() {
        String long200 = "ü".repeat(100);
        String hash = hashes.hash(long200 + "tail one");

        assertThat(hashes.verify(long200 + "tail one", hash)).isTrue();
        assertThat(hashes.verify(long200 + "tail two", hash)).isFalse();
    }

    @Test
    void aHashWithOtherParametersOrAnotherAlgorithmIsNotCurrent() {
        assertThat(hashes.isCurrent(hashes.hash("tulip-harbor-9"))).isTrue();
        assertThat(hashes.isCurrent(new Argon2idHashes(new Argon2idHashes.Parameters(128, 1, 1)).hash("x")))
                .isFalse();
        assertThat(hashes.isCurrent(new Argon2idHashes(new Argon2idHashes.Parameters(64, 2, 1)).hash("x")))
                .isFalse();
        assertThat(hashes.isCurrent(new Argon2idHashes(new Argon2idHashes.Parameters(64, 1, 2)).hash("x")))
                .isFalse();
        assertThat(hashes.isCurrent(new BcryptHashes(4).hash("x"))).isFalse();
        assertThat(hashes.isCurrent("")).isFalse();
    }

    @Test
    void aShorterTagThanItsOwnIsNotCurrentButStillVerifies() {
        String fourLanesShortTag = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$F1jG2CV3/Nr+yRuIsPKw0J9r4s7cJHBU";

        assertThat(new Argon2idHashes(new Argon2idHashes.Parameters(65536, 2, 4)).isCurrent(fourLanesShortTag))
                .isFalse();
    }

    @Test
    void recognisesArgon2idOnly() {
        assertThat(hashes.recognises(hashes.hash("x"))).isTrue();
        assertThat(hashes.recognises("$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"))
                .isFalse();
        assertThat(hashes.recognises(new BcryptHashes(4).hash("x"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "$argon2id$",
                "not a hash",
                "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Wie942fW7zSjR7kPDCQGH1wG+FuliCL9TQL/CMhJKDM",
                "$argon2id$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Wie942fW7zSjR7kPDCQGH1wG+FuliCL9TQL/CMhJKDM",
                "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$Wie942fW7zSjR7kPDCQGH1wG+FuliCL9TQL/CMhJKDM",
                "$argon2id$v=19$m=7,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Wie942fW7zSjR7kPDCQGH1wG+FuliCL9TQL/CMhJKDM",
                "$argon2id$v=19$m=64,t=1,p=0$c29tZXNhbHRzb21lc2FsdA$Wie942fW7zSjR7kPDCQGH1wG+FuliCL9TQL/CMhJKDM",
                "$argon2id$v=19$m=9999999999,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Wie942fW7zSjR7kPDCQGH1wG+FuliCL9TQL/CMhJKDM",
                "$argon2id$v=19$m=64,t=1,p=1$c29tZQ$Wie942fW7zSjR7kPDCQGH1wG+FuliCL9TQL/CMhJKDM",
                "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Wie",
                "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$W",
                "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Wie942fW7zSjR7kPDCQGH1wG-FuliCL9TQL_CMhJKDM",
                "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Wie942fW7zSjR7kPDCQGH1wG+FuliCL9TQL/CMhJKDM$"
            })
    void aMalformedHashVerifiesNothingAndThrowsNothing(String malformed) {
        assertThat(hashes.verify("tulip-harbor-9", malformed)).isFalse();
        assertThat(hashes.isCurrent(malformed)).isFalse();
    }

    @Test
    void refusesParametersArgon2Refuses() {
        assertThatThrownBy(() -> new Argon2idHashes.Parameters(15, 1, 2)).hasMessageContaining("16 KiB");
        assertThatThrownBy(() -> new Argon2idHashes.Parameters(64, 0, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Argon2idHashes.Parameters(64, 1, 0)).hasMessageContaining("parallelism");
    }
}
