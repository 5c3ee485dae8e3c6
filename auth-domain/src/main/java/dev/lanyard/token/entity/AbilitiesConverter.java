package dev.lanyard.token.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link Abilities} as a JSON array in a text column; a null column reads as no abilities. */
@Converter(autoApply = true)
public class AbilitiesConverter implements AttributeConverter<Abilities, String> {

    @Override
    public String convertToDatabaseColumn(Abilities abilities) {
        return abilities == null ? null : abilities.toJson();
    }

    @Override
    public Abilities convertToEntityAttribute(String json) {
        return Abilities.fromJson(json);
    }
}
