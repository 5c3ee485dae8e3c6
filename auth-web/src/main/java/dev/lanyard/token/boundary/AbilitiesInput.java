package dev.lanyard.token.boundary;

import dev.lanyard.problem.Invalid;
import dev.lanyard.token.entity.Abilities;
import java.util.List;
import java.util.Optional;

/** Abilities as a request lists them: absent, or valid names, else a 422 on the {@code abilities} field. */
public final class AbilitiesInput {

    private AbilitiesInput() {}

    public static Optional<Abilities> of(List<String> requested) {
        if (requested == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Abilities.of(requested));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Invalid.field(
                    "abilities",
                    "The abilities field must list at most " + Abilities.MAX_ABILITIES
                            + " abilities such as \"read:posts\" or \"*\", each up to " + Abilities.MAX_LENGTH
                            + " letters, digits and : * . _ -.");
        }
    }
}
