package dev.lanyard.it.support;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Collection;

/** Request bodies written briefly: {@code Json.of("email", e, "password", p)}. */
public final class Json {

    private Json() {}

    /**
     * A JSON object from name/value pairs; values may be strings, whole numbers, {@link BigDecimal}s (written
     * exactly, 19.99 stays 19.99), booleans, collections or null.
     */
    public static String of(Object... namesAndValues) {
        JsonObjectBuilder object = jakarta.json.Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) {
                object.addNull(name);
            } else if (value instanceof Collection<?> values) {
                JsonArrayBuilder array = jakarta.json.Json.createArrayBuilder();
                values.forEach(v -> array.add(String.valueOf(v)));
                object.add(name, array);
            } else if (value instanceof BigDecimal decimal) {
                object.add(name, decimal);
            } else if (value instanceof Number number) {
                object.add(name, number.longValue());
            } else if (value instanceof Boolean bool) {
                object.add(name, bool);
            } else {
                object.add(name, value.toString());
            }
        }
        return object.build().toString();
    }
}
