package dev.lanyard.twofactor.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    // RFC 6238, appendix B: the SHA-1 seed; its 8-digit codes end in these 6 digits.
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(UTF_8);

    @Test
    void codesMatchTheRfcTestVectors() {
        assertThat(Totp.code(RFC_SEED, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SEED, Totp.stepAt(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(Totp.code(RFC_SEED, Totp.stepAt(Instant.ofEpochSecond(2000000000))))
                .isEqualTo("279037");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1_700_000_000);
        long step = Totp.stepAt(now);

        for (long offset = -1; offset <= 1; offset++) {
            assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + offset), now))
                    .isEqualTo(OptionalLong.of(step + offset));
        }
        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 2), now))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 2), now))
                .isEmpty();
    }

    @Test
    void malformedCodesMatchNothing() {
        Instant now = Instant.ofEpochSecond(1_700_000_000);

        assertThat(Totp.matchingStep(RFC_SEED, null, now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, "12345a", now)).isEmpty();
    }

    @Test
    void base32AndTheOtpauthUriAreWhatAuthenticatorAppsRead() {
        assertThat(Totp.base32("Hello!\u00de\u00ad\u00be\u00ef".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(Totp.base32(new byte[20])).hasSize(32);
        assertThat(Totp.otpauthUri("Lanyard", "ann@example.com", RFC_SEED))
                .isEqualTo("otpauth://totp/Lanyard:ann%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Lanyard&algorithm=SHA1&digits=6&period=30");
    }
}
