package dev.lanyard.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Bean Validation failures on request bodies and parameters: 422, fields named as in the JSON. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> field(v.getPropertyPath()))
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> errors.computeIfAbsent(field(v.getPropertyPath()), k -> new ArrayList<>())
                        .add(v.getMessage()));
        return ValidationBody.response(errors);
    }

    /**
     * The name the client knows: the last property of the path (a body's field) or else the parameter (a query
     * parameter, or {@code body} for a missing body), in snake_case.
     */
    static String field(Path path) {
        String name = "body";
        for (Path.Node node : path) {
            boolean named = node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER;
            if (named && node.getName() != null) {
                name = node.getName();
            }
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
