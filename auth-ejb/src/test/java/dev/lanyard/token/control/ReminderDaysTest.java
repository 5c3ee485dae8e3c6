package dev.lanyard.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReminderDaysTest {

    @Test
    void daysAreReadFewestFirst() {
        assertThat(ReminderDays.parse("7,1")).containsExactly(1, 7);
        assertThat(ReminderDays.parse(" 30 , 7,7 ,1")).containsExactly(1, 7, 30);
    }

    @Test
    void blankOrZeroMeansNoReminders() {
        assertThat(ReminderDays.parse("")).isEmpty();
        assertThat(ReminderDays.parse(" ")).isEmpty();
        assertThat(ReminderDays.parse("0")).isEmpty();
    }

    @Test
    void whatIsNotADayCountIsLeftOut() {
        assertThat(ReminderDays.parse("7,soon,-3,1.5,1")).containsExactly(1, 7);
    }
}
