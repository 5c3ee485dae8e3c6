package dev.lanyard.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanyard.startup.StartupRefusal;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords argon2id = configured("argon2id", 4, 64, 1, 1);
    private final Passwords bcrypt = configured("bcrypt", 4, 64, 1, 1);

    @Test
    void newHashesUseTheConfiguredAlgorithm() {
        assertThat(argon2id.hash("tulip-harbor-9")).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(bcrypt.hash("tulip-harbor-9")).startsWith("$2b$04$");
    }

    @Test
    void hashesOfEitherAlgorithmVerifyWhicheverIsConfigured() {
        for (String hash : new String[] {argon2id.hash("tulip-harbor-9"), bcrypt.hash("tulip-harbor-9")}) {
            for (Passwords passwords : new Passwords[] {argon2id, bcrypt}) {
                assertThat(passwords.verify("tulip-harbor-9", hash)).isTrue();
                assertThat(passwords.verify("tulip-harbor-8", hash)).isFalse();
            }
        }
    }

    @Test
    void aHashOfAnotherAlgorithmOrOtherParametersNeedsRehashing() {
        assertThat(argon2id.needsRehash(argon2id.hash("tulip-harbor-9"))).isFalse();
        assertThat(argon2id.needsRehash(bcrypt.hash("tulip-harbor-9"))).isTrue();
        assertThat(argon2id.needsRehash(configured("argon2id", 4, 128, 1, 1).hash("tulip-harbor-9")))
                .isTrue();
        assertThat(argon2id.needsRehash(configured("argon2id", 4, 64, 2, 1).hash("tulip-harbor-9")))
                .isTrue();
        assertThat(bcrypt.needsRehash(bcrypt.hash("tulip-harbor-9"))).isFalse();
        assertThat(bcrypt.needsRehash(argon2id.hash("tulip-harbor-9"))).isTrue();
        assertThat(bcrypt.needsRehash(configured("bcrypt", 5, 64, 1, 1).hash("tulip-harbor-9")))
                .isTrue();
        assertThat(argon2id.needsRehash("")).isTrue();
    }

    @Test
    void aHashOfNoKnownAlgorithmVerifiesNothing() {
        assertThat(argon2id.verify("tulip-harbor-9", "not a hash")).isFalse();
        assertThat(argon2id.verify("tulip-harbor-9", "")).isFalse();
    }

    @Test
    void anUnknownUserCostsAVerificationAndNeverMatches() {
        try (Passwords.Turn turn = argon2id.turn()) {
            assertThat(turn.verifyNothing("a password nobody has, verified when no user matches"))
                    .isFalse();
        }
    }

    @Test
    void refusesToStartWithAnUnknownAlgorithmOrImpossibleParameters() {
        assertThatThrownBy(() -> configured("scrypt", 4, 64, 1, 1))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("lanyard.password.algorithm");
        assertThatThrownBy(() -> configured("argon2id", 4, 64, 0, 1))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> configured("argon2id", 40, 64, 1, 1))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("bcrypt cost");
    }

    private static Passwords configured(
            String algorithm, int bcryptCost, int memoryKib, int iterations, int parallelism) {
        var passwords = new Passwords();
        passwords.algorithm = algorithm;
        passwords.cost = bcryptCost;
        passwords.argon2MemoryKib = memoryKib;
        passwords.argon2Iterations = iterations;
        passwords.argon2Parallelism = parallelism;
        passwords.prepare();
        return passwords;
    }
}
