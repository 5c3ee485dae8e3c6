package dev.lanyard.prune.control;

import jakarta.ejb.ScheduleExpression;
import java.util.Objects;

/**
 * A schedule written as six cron-like fields: {@code second minute hour day-of-month month day-of-week},
 * each in the syntax of {@link jakarta.ejb.Schedule} ({@code *}, {@code *}{@code /5}, {@code 1-5}, {@code 1,15},
 * {@code Mon}). {@code "0 0 3 * * *"} is every day at 03:00 server time.
 */
public record CronSchedule(
        String second, String minute, String hour, String dayOfMonth, String month, String dayOfWeek) {

    public CronSchedule {
        Objects.requireNonNull(second);
        Objects.requireNonNull(minute);
        Objects.requireNonNull(hour);
        Objects.requireNonNull(dayOfMonth);
        Objects.requireNonNull(month);
        Objects.requireNonNull(dayOfWeek);
    }

    public static CronSchedule parse(String text) {
        String[] fields = text == null ? new String[0] : text.trim().split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException("A schedule needs six fields (second minute hour day-of-month month"
                    + " day-of-week), got: '" + text + "'");
        }
        return new CronSchedule(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    public ScheduleExpression toScheduleExpression() {
        return new ScheduleExpression()
                .second(second)
                .minute(minute)
                .hour(hour)
                .dayOfMonth(dayOfMonth)
                .month(month)
                .dayOfWeek(dayOfWeek);
    }

    @Override
    public String toString() {
        return String.join(" ", second, minute, hour, dayOfMonth, month, dayOfWeek);
    }
}
