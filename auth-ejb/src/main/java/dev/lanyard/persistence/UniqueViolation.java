package dev.lanyard.persistence;

import dev.lanyard.problem.Conflict;
import dev.lanyard.problem.Invalid;
import dev.lanyard.problem.Problem;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * A row refused by a unique index because a concurrent request inserted its twin first: both passed the
 * application's own check, and the database kept one. The loser is told what it would have been told a moment
 * later, so the indexes a request can race on are named here with the field each guards (a 422 on that field,
 * whichever call site raced); any other unique index gives a 409. Either way it is no outage.
 */
public final class UniqueViolation {

    private static final String SQL_STATE = "23505";
    private static final Map<String, String> GUARDED_FIELDS = Map.of(
            "users_email_unique", "email",
            "products_sku_unique", "sku");

    private UniqueViolation() {}

    /** The problem to answer when {@code failure} was caused by a unique violation. */
    public static Optional<Problem> of(Throwable failure) {
        if (!causedBy(failure)) {
            return Optional.empty();
        }
        return Optional.of(guardedField(failure)
                .<Problem>map(field -> Invalid.field(field, "The " + field + " has already been taken."))
                .orElseGet(() -> new Conflict("A concurrent request changed the same data; try again.")));
    }

    private static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** By the index's name, which PostgreSQL puts in its message whatever the server's language. */
    private static Optional<String> guardedField(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            for (var guarded : GUARDED_FIELDS.entrySet()) {
                if (message.contains(guarded.getKey())) {
                    return Optional.of(guarded.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
