package dev.lanyard.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = withCost(4);

    @Test
    void verifiesWhatItHashedAndNothingElse() {
        String hash = passwords.hash("tulip-harbor-9");

        assertThat(hash).startsWith("$2b$04$").doesNotContain("tulip");
        assertThat(passwords.verify("tulip-harbor-9", hash)).isTrue();
        assertThat(passwords.verify("tulip-harbor-8", hash)).isFalse();
    }

    @Test
    void everyByteOfALongPasswordCounts() {
        String first72 = "ü".repeat(36);
        String hash = passwords.hash(first72 + "tail one");

        assertThat(passwords.verify(first72 + "tail one", hash)).isTrue();
        assertThat(passwords.verify(first72 + "tail two", hash)).isFalse();
    }

    @Test
    void aHashOfAnotherCostNeedsRehashing() {
        assertThat(passwords.needsRehash(passwords.hash("tulip-harbor-9"))).isFalse();
        assertThat(passwords.needsRehash(withCost(5).hash("tulip-harbor-9"))).isTrue();
        assertThat(passwords.needsRehash("")).isTrue();
    }

    private static Passwords withCost(int cost) {
        var passwords = new Passwords();
        passwords.cost = cost;
        passwords.prepareDummy();
        return passwords;
    }
}
