package dev.lanyard.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The root resources compiled into this module, read from its classes directory, and their resource methods. */
public final class RootResources {

    private RootResources() {}

    public static List<Class<?>> classes() {
        var classes = java.nio.file.Path.of("target", "classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.map(classes::relativize)
                    .map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .<Class<?>>map(RootResources::load)
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Method> methods() {
        return classes().stream()
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(RootResources::isResourceMethod)
                .toList();
    }

    private static boolean isResourceMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RootResources.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
