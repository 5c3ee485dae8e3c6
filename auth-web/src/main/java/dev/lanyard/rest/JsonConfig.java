package dev.lanyard.rest;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * JSON the way the contract writes it: snake_case names, no nulls left out silently, and a string only from a
 * JSON string (a number is not read as its digits). {@link StringFields} names such a field in a 422 first; this
 * keeps any body it does not walk from being coerced, answering 400 instead.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true)
            .withDeserializers(new StrictString()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    static final class StrictString implements JsonbDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            // Yasson's parser does not offer currentEvent(), but gives the value it stands on.
            JsonValue value = parser.getValue();
            if (value instanceof JsonString string) {
                return string.getString();
            }
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            throw new JsonbException("Expected a string, found " + value.getValueType());
        }
    }
}
