package dev.lanyard.schema.boundary;

/** Turns a failure to reach the database into one line an operator can act on. */
final class DatabaseProblem {

    private DatabaseProblem() {}

    static String describe(Throwable failure) {
        return "Lanyard cannot use its database (check LANYARD_DB_URL, LANYARD_DB_USER, LANYARD_DB_PASSWORD): "
                + rootCause(failure);
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return (message == null ? cause.getClass().getSimpleName() : message)
                .replaceAll("\\s+", " ")
                .trim();
    }
}
