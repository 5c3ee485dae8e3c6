package dev.lanyard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.rest.RootResources;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No endpoint is open by accident: every resource method says who may call it, open ones with {@code @PermitAll}. */
class AccessDeclarationTest {

    @Test
    void everyResourceMethodDeclaresItsRule() {
        List<Method> methods = RootResources.methods();
        assertThat(methods).hasSizeGreaterThan(30);

        assertThat(methods)
                .filteredOn(method -> !AccessRule.of(method).isDeclared())
                .extracting(method -> method.getDeclaringClass().getSimpleName() + "." + method.getName())
                .as("resource methods with neither @PermitAll nor @RolesAllowed, on themselves or their class")
                .isEmpty();
    }
}
