package dev.lanyard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WholeNumberTest {

    private final WholeNumber.Validator validator = new WholeNumber.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-3", "1.0", "1.000", "1E+3", "4294967297"})
    void numbersWithoutAFractionAreWhole(String number) {
        assertThat(validator.isValid(new BigDecimal(number), null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "0.001", "1E-1", "-2.25"})
    void numbersWithAFractionAreNot(String number) {
        assertThat(validator.isValid(new BigDecimal(number), null)).isFalse();
    }

    @Test
    void absenceIsLeftToNotNull() {
        assertThat(validator.isValid(null, null)).isTrue();
    }
}
