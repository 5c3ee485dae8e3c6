package dev.lanyard.twofactor.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoFactorCredentialTest {

    private final TwoFactorCredential credential = new TwoFactorCredential(
            7, new byte[] {1, 2, 3}, List.of(hash('a'), hash('b')), Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void onlyStepsAfterTheLastAcceptedOneCount() {
        assertThat(credential.acceptStep(100)).isTrue();
        assertThat(credential.acceptStep(100)).as("the same code again").isFalse();
        assertThat(credential.acceptStep(99))
                .as("an older code still in the window")
                .isFalse();
        assertThat(credential.acceptStep(101)).isTrue();
    }

    @Test
    void eachRecoveryCodeIsUsedUpOnce() {
        assertThat(credential.useRecoveryCode(hash('b'))).isTrue();
        assertThat(credential.useRecoveryCode(hash('b'))).isFalse();
        assertThat(credential.useRecoveryCode(hash('c'))).isFalse();
        assertThat(credential.recoveryHashes()).containsExactly(hash('a'));
        assertThat(credential.useRecoveryCode(hash('a'))).isTrue();
        assertThat(credential.recoveryHashes()).isEmpty();
    }

    @Test
    void itTakesEffectOnceConfirmed() {
        assertThat(credential.isConfirmed()).isFalse();
        credential.confirm(Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(credential.isConfirmed()).isTrue();
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }
}
