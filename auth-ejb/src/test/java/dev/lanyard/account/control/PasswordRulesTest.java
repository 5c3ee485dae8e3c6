package dev.lanyard.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void anUncommonPasswordOfEightOrMoreCharactersPasses() {
        assertThat(PasswordRules.problems("tulip-harbor-9", "tulip-harbor-9")).isEmpty();
    }

    @Test
    void lengthCountsCharactersNotBytesAndHasNoCompositionRules() {
        assertThat(PasswordRules.problems("ääääääää", "ääääääää")).isEmpty();
        assertThat(PasswordRules.problems("äääääää", "äääääää"))
                .containsExactly("The password field must be at least 8 characters.");
    }

    @Test
    void sixtyFourCharactersAndFarMoreAreAllowed() {
        String longOne = "x".repeat(63) + "y".repeat(PasswordRules.MAX_LENGTH - 63);
        assertThat(PasswordRules.problems(longOne, longOne)).isEmpty();
        String tooLong = longOne + "z";
        assertThat(PasswordRules.problems(tooLong, tooLong))
                .containsExactly("The password field must not be greater than 1024 characters.");
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(PasswordRules.problems("Password1", "Password1"))
                .containsExactly("The given password is too common. Please choose a different password.");
    }

    @Test
    void theConfirmationMustMatchExactly() {
        assertThat(PasswordRules.problems("tulip-harbor-9", "tulip-harbor-9 "))
                .containsExactly("The password field confirmation does not match.");
    }

    @Test
    void aMissingPasswordIsRequired() {
        assertThat(PasswordRules.problems(null, null)).containsExactly("The password field is required.");
        assertThat(PasswordRules.problems("", "")).containsExactly("The password field is required.");
    }
}
