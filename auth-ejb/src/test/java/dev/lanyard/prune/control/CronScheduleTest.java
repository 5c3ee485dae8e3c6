package dev.lanyard.prune.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

    @Test
    void mapsEachFieldOntoTheScheduleExpression() {
        var expression = CronSchedule.parse("*/5 30 3 1-15 Jan,Feb Mon-Fri").toScheduleExpression();

        assertThat(expression.getSecond()).isEqualTo("*/5");
        assertThat(expression.getMinute()).isEqualTo("30");
        assertThat(expression.getHour()).isEqualTo("3");
        assertThat(expression.getDayOfMonth()).isEqualTo("1-15");
        assertThat(expression.getMonth()).isEqualTo("Jan,Feb");
        assertThat(expression.getDayOfWeek()).isEqualTo("Mon-Fri");
    }

    @Test
    void toleratesSurroundingAndRepeatedWhitespace() {
        assertThat(CronSchedule.parse("  0  0 3 * * *  ")).hasToString("0 0 3 * * *");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0 0 3 * *", "0 0 3 * * * 2030", "daily"})
    void rejectsAnythingButSixFields(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CronSchedule.parse(text))
                .withMessageContaining("six fields");
    }
}
