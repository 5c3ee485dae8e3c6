package dev.lanyard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.rest.RootResources;
import dev.lanyard.token.boundary.AbilityCatalog;
import dev.lanyard.token.entity.Abilities;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue GET /api/abilities serves says what the resource methods declare, no more and no less. */
class AbilityCatalogTest {

    @Test
    void listsEveryAbilityAMethodRequiresWithTheRolesThoseMethodsAdmit() {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (Method method : RootResources.methods()) {
            AccessRule rule = AccessRule.of(method);
            Stream.concat(rule.allAbilities().stream(), rule.anyAbilities().stream())
                    .filter(ability -> !ability.equals(Abilities.WILDCARD))
                    .forEach(ability -> declared.computeIfAbsent(ability, a -> new TreeSet<>())
                            .addAll(rule.roles()));
        }

        Map<String, Set<String>> catalogued = AbilityCatalog.ALL.stream()
                .collect(Collectors.toMap(
                        AbilityCatalog.Ability::name,
                        ability -> new TreeSet<>(ability.roles()),
                        (a, b) -> a,
                        TreeMap::new));

        assertThat(declared).hasSizeGreaterThan(5);
        assertThat(catalogued).isEqualTo(declared);
        assertThat(AbilityCatalog.ALL)
                .extracting(AbilityCatalog.Ability::description)
                .doesNotContainNull();
    }
}
