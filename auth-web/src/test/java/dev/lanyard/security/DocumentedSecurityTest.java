package dev.lanyard.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document says an operation needs a bearer token exactly when its access rule needs a caller, so the
 * documentation cannot drift from the rules the filter enforces.
 */
class DocumentedSecurityTest {

    @Test
    void everyResourceMethodDocumentsTheSecurityItsAccessRuleEnforces() throws Exception {
        List<Method> methods = resourceMethods();
        assertThat(methods).hasSizeGreaterThan(30);

        List<String> mismatches = new ArrayList<>();
        for (Method method : methods) {
            boolean documented = method.isAnnotationPresent(SecurityRequirement.class)
                    || method.getDeclaringClass().isAnnotationPresent(SecurityRequirement.class);
            if (documented != AccessRule.of(method).needsCaller()) {
                mismatches.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
        }
        assertThat(mismatches).as("resource methods whose @SecurityRequirement differs from their access rule")
                .isEmpty();
    }

    /** The resource methods of every root resource compiled into this module. */
    private static List<Method> resourceMethods() throws IOException, ClassNotFoundException {
        var classes = java.nio.file.Path.of("target", "classes");
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
        List<Method> methods = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, DocumentedSecurityTest.class.getClassLoader());
            if (type.isAnnotationPresent(Path.class)) {
                Arrays.stream(type.getDeclaredMethods()).filter(DocumentedSecurityTest::isResourceMethod)
                        .forEach(methods::add);
            }
        }
        return methods;
    }

    private static boolean isResourceMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class));
    }
}
