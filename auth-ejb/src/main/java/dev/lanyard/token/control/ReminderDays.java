package dev.lanyard.token.control;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** {@code lanyard.token.expiry-reminder-days} read: whole days, fewest first; blank or 0 for none. */
final class ReminderDays {

    private static final Logger LOG = Logger.getLogger(ReminderDays.class.getName());

    private ReminderDays() {}

    /** An entry that is not a whole number of days is left out, and said so, rather than stop every reminder. */
    static List<Integer> parse(String days) {
        return Arrays.stream(days.split(","))
                .map(String::trim)
                .filter(day -> !day.isEmpty())
                .flatMap(day -> {
                    try {
                        return Stream.of(Integer.parseInt(day));
                    } catch (NumberFormatException e) {
                        LOG.log(
                                Level.WARNING,
                                "lanyard.token.expiry-reminder-days: \"{0}\" is not a number of" + " days, left out",
                                day);
                        return Stream.empty();
                    }
                })
                .filter(day -> day > 0)
                .distinct()
                .sorted()
                .toList();
    }
}
