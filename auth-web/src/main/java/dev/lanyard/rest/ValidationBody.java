package dev.lanyard.rest;

import dev.lanyard.problem.Invalid;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The contract's 422, in Laravel's shape: {@code {message, errors:{field:[messages]}}}. */
public record ValidationBody(String message, Map<String, List<String>> errors) {

    static Response response(Map<String, List<String>> errors) {
        return Response.status(422)
                .entity(new ValidationBody(Invalid.summary(errors), errors))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
