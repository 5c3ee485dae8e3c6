package dev.lanyard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.rest.RootResources;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document says an operation needs a bearer token exactly when its access rule needs a caller, so the
 * documentation cannot drift from the rules the filter enforces.
 */
class DocumentedSecurityTest {

    @Test
    void everyResourceMethodDocumentsTheSecurityItsAccessRuleEnforces() {
        List<Method> methods = RootResources.methods();
        assertThat(methods).hasSizeGreaterThan(30);

        List<String> mismatches = new ArrayList<>();
        for (Method method : methods) {
            boolean documented = method.isAnnotationPresent(SecurityRequirement.class)
                    || method.getDeclaringClass().isAnnotationPresent(SecurityRequirement.class);
            if (documented != AccessRule.of(method).needsCaller()) {
                mismatches.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
        }
        assertThat(mismatches)
                .as("resource methods whose @SecurityRequirement differs from their access rule")
                .isEmpty();
    }
}
