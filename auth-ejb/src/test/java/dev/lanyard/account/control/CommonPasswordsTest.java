package dev.lanyard.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommonPasswordsTest {

    private static final CommonPasswords COMMON = CommonPasswords.load();

    @Test
    void holdsSomeThousandsOfPasswords() {
        assertThat(COMMON.size()).isBetween(5_000, 20_000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"password", "12345678", "qwertyuiop", "iloveyou", "1qaz2wsx", "trustno1", "sunshine", "password1"
            })
    void containsWellKnownPasswords(String password) {
        assertThat(COMMON.contains(password)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD", "Password", "QwertyUiop", "ILoveYou", "TrustNo1"})
    void ignoresCase(String password) {
        assertThat(COMMON.contains(password)).isTrue();
    }

    @Test
    void doesNotContainARandomPassword() {
        var alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }

        assertThat(COMMON.contains(password.toString())).isFalse();
        assertThat(COMMON.contains(password.toString().toLowerCase(Locale.ROOT)))
                .isFalse();
    }
}
