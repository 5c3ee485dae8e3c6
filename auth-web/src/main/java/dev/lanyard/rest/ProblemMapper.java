package dev.lanyard.rest;

import dev.lanyard.problem.Conflict;
import dev.lanyard.problem.Forbidden;
import dev.lanyard.problem.Invalid;
import dev.lanyard.problem.NotFound;
import dev.lanyard.problem.Problem;
import dev.lanyard.problem.TooManyAttempts;
import dev.lanyard.problem.Unauthenticated;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The business rules' refusals, each in its row of the error contract. */
@Provider
public class ProblemMapper implements ExceptionMapper<Problem> {

    @Override
    public Response toResponse(Problem problem) {
        return response(problem);
    }

    /** Also for a problem read from another failure's causes, such as a lost race on a unique index. */
    static Response response(Problem problem) {
        if (problem instanceof Invalid invalid) {
            return ValidationBody.response(invalid.errors());
        }
        var response = Response.status(status(problem))
                .entity(new MessageBody(problem.getMessage()))
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (problem instanceof TooManyAttempts tooMany) {
            response.header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds());
        }
        if (problem instanceof Unauthenticated) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return response.build();
    }

    private static int status(Problem problem) {
        if (problem instanceof NotFound) {
            return 404;
        } else if (problem instanceof Forbidden) {
            return 403;
        } else if (problem instanceof Conflict) {
            return 409;
        } else if (problem instanceof TooManyAttempts) {
            return 429;
        } else if (problem instanceof Unauthenticated) {
            return 401;
        }
        return 400;
    }
}
