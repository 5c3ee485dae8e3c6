package dev.lanyard.token.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The abilities a token carries, Sanctum style: {@code *} grants every ability, anything else only itself.
 * Immutable; keeps the order given but compares by content alone.
 */
public final class Abilities {

    // Looked up once, on first use: Json.create* searches the class path for a provider on every call, and
    // abilities are read with every authenticated request.
    private static final class Json {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }

    public static final String WILDCARD = "*";
    public static final int MAX_ABILITIES = 50;
    /** With {@link #MAX_ABILITIES}, the longest list fits the 4,000 characters of the abilities column. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern ABILITY = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9:*._-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Abilities ALL = new Abilities(Set.of(WILDCARD));
    private static final Abilities NONE = new Abilities(Set.of());

    private final Set<String> granted;

    private Abilities(Set<String> granted) {
        this.granted = granted;
    }

    /** Validates every ability and collapses duplicates; more than {@value #MAX_ABILITIES} distinct are refused. */
    public static Abilities of(Collection<String> abilities) {
        Objects.requireNonNull(abilities, "abilities");
        Set<String> distinct = new LinkedHashSet<>();
        for (String ability : abilities) {
            if (!isValid(ability)) {
                throw new IllegalArgumentException(
                        "invalid ability: '" + ability + "'; must match " + ABILITY.pattern());
            }
            distinct.add(ability);
        }
        if (distinct.size() > MAX_ABILITIES) {
            throw new IllegalArgumentException(
                    "at most " + MAX_ABILITIES + " abilities are allowed, got " + distinct.size());
        }
        return new Abilities(Collections.unmodifiableSet(distinct));
    }

    public static Abilities of(String... abilities) {
        return of(Arrays.asList(abilities));
    }

    public static Abilities all() {
        return ALL;
    }

    public static Abilities none() {
        return NONE;
    }

    public static boolean isValid(String ability) {
        return ability != null && ABILITY.matcher(ability).matches();
    }

    /** True when {@code *} or exactly this ability was granted; a malformed name is never granted. */
    public boolean can(String ability) {
        return isValid(ability) && (granted.contains(WILDCARD) || granted.contains(ability));
    }

    /** True when every one is granted, so also for an empty collection. */
    public boolean canAll(Collection<String> abilities) {
        return abilities.stream().allMatch(this::can);
    }

    /** True when at least one is granted, so never for an empty collection. */
    public boolean canAny(Collection<String> abilities) {
        return abilities.stream().anyMatch(this::can);
    }

    /** Whether a token with these abilities may hand out {@code requested}; only {@code *} covers {@code *}. */
    public boolean covers(Abilities requested) {
        return canAll(requested.granted);
    }

    public List<String> asList() {
        return List.copyOf(granted);
    }

    public boolean isEmpty() {
        return granted.isEmpty();
    }

    /** Compact JSON array in the order given, e.g. {@code ["read:posts","*"]}. */
    public String toJson() {
        JsonArrayBuilder array = Json.PROVIDER.createArrayBuilder();
        granted.forEach(array::add);
        StringWriter json = new StringWriter();
        try (JsonWriter writer = Json.PROVIDER.createWriter(json)) {
            writer.writeArray(array.build());
        }
        return json.toString();
    }

    /** Reads what {@link #toJson()} wrote; null or blank means no abilities, so a missing value grants nothing. */
    public static Abilities fromJson(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonArray array;
        try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(json))) {
            array = reader.readArray();
        } catch (JsonException e) {
            throw new IllegalArgumentException("abilities must be a JSON array of strings", e);
        }
        List<String> abilities = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            if (!(value instanceof JsonString string)) {
                throw new IllegalArgumentException("abilities must be a JSON array of strings, found " + value);
            }
            abilities.add(string.getString());
        }
        return of(abilities);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Abilities abilities && granted.equals(abilities.granted);
    }

    @Override
    public int hashCode() {
        return granted.hashCode();
    }

    @Override
    public String toString() {
        return "Abilities" + granted;
    }
}
