package dev.lanyard.it.support;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payara Micro's JVM options for the suite, gathered from the extensions that start its services; read by
 * arquillian.xml, which splits them on unescaped whitespace.
 */
final class MicroOptions {

    static final String PROPERTY = "lanyard.it.micro.options";

    private MicroOptions() {}

    /** Adds options, each already escaped where it holds a space. */
    static synchronized void add(String... options) {
        String before = System.getProperty(PROPERTY, "");
        System.setProperty(
                PROPERTY,
                Stream.concat(Stream.of(before).filter(s -> !s.isBlank()), Arrays.stream(options))
                        .collect(Collectors.joining(" ")));
    }
}
