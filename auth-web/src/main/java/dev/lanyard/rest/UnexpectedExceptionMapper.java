package dev.lanyard.rest;

import dev.lanyard.persistence.UniqueViolation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: anything not mapped elsewhere. A unique index that refused a concurrent twin is the 422 (or
 * 409) a later request would get; a database that cannot be reached is a 503 the client may retry; anything else
 * is a bug, logged here and answered without a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        var lostRace = UniqueViolation.of(exception);
        if (lostRace.isPresent()) {
            return ProblemMapper.response(lostRace.get());
        }
        if (causedByDatabase(exception) && !refusedByDatabase(exception)) {
            LOG.log(Level.WARNING, "Database unavailable: {0}", exception.toString());
            return json(Response.Status.SERVICE_UNAVAILABLE);
        }
        LOG.log(Level.SEVERE, "Unexpected error", exception);
        return json(Response.Status.INTERNAL_SERVER_ERROR);
    }

    private static boolean causedByDatabase(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause.getClass().getName().endsWith("DatabaseException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * The database answered and refused the data (SQLState class 22, data exception, or 23, integrity
     * constraint): it is reachable, so this is no 503 but a check missing here.
     */
    private static boolean refusedByDatabase(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static Response json(Response.Status status) {
        return Response.status(status)
                .entity(new MessageBody(StatusMessages.of(status.getStatusCode())))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
