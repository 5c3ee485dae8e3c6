package dev.lanyard.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Input the rules refuse, field by field, answered as Laravel does: 422 {@code {message, errors}}. */
public class Invalid extends Problem {

    private final Map<String, List<String>> errors;

    public Invalid(Map<String, List<String>> errors) {
        super(summary(errors));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static Invalid field(String field, String message) {
        var errors = new LinkedHashMap<String, List<String>>();
        errors.put(field, List.of(message));
        return new Invalid(errors);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    /** Laravel's message: the first error, and how many more there are. */
    public static String summary(Map<String, List<String>> errors) {
        long count = errors.values().stream().mapToLong(List::size).sum();
        String first =
                errors.values().stream().flatMap(List::stream).findFirst().orElse("The given data was invalid.");
        return count <= 1 ? first : first + " (and " + (count - 1) + " more error" + (count > 2 ? "s" : "") + ")";
    }
}
