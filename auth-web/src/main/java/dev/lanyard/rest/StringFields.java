package dev.lanyard.rest;

import dev.lanyard.problem.Invalid;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Laravel's {@code string} rule for every {@code String} of a request body record, lists and nested records
 * included: a number, boolean, list or object there is a 422 naming the field as the body does
 * ({@code device_name}, {@code abilities.1}), where JSON-B would quietly turn {@code 12345} into "12345"; and its
 * {@code array} rule for every list, where JSON-B would answer 400. Bodies
 * are small (see {@link RequestSizeLimit}), so reading one twice costs little. A body that is not JSON at all is
 * left to the binding's 400.
 */
@Provider
public class StringFields implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!(context.getType().isRecord() && MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType()))) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        JsonValue json;
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readValue();
        } catch (JsonException notJson) {
            return context.proceed();
        }
        Map<String, List<String>> errors = new TreeMap<>();
        check(json, context.getGenericType(), "", errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return context.proceed();
    }

    private static void check(JsonValue value, Type type, String field, Map<String, List<String>> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            if (!(value instanceof JsonString)) {
                errors.put(field, List.of("The " + field.replace('_', ' ') + " field must be a string."));
            }
        } else if (raw.isRecord() && value instanceof JsonObject object) {
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = jsonName(component.getName());
                check(
                        object.get(name),
                        component.getGenericType(),
                        field.isEmpty() ? name : field + "." + name,
                        errors);
            }
        } else if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType collection) {
            if (!(value instanceof JsonArray array)) {
                errors.put(field, List.of("The " + field.replace('_', ' ') + " field must be an array."));
                return;
            }
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), collection.getActualTypeArguments()[0], field + "." + i, errors);
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        return type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                ? raw
                : Object.class;
    }

    /** The name JSON-B gives the component under {@link JsonConfig}'s snake_case naming. */
    static String jsonName(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
