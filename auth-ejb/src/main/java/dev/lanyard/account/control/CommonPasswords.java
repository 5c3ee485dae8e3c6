package dev.lanyard.account.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The most common passwords, shipped as {@code common-passwords.txt} beside this class, so that Lanyard can refuse
 * them (ASVS 5.0 6.2.4: a new password is checked against a list of commonly used passwords). Comparison ignores
 * case.
 */
public final class CommonPasswords {

    private static final String RESOURCE = "common-passwords.txt";

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = passwords;
    }

    /** Reads the shipped list; throws {@link IllegalStateException} if it is missing from the classpath. */
    public static CommonPasswords load() {
        InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Lanyard cannot find its list of common passwords: " + RESOURCE
                    + " is missing beside " + CommonPasswords.class.getName());
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new CommonPasswords(reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet()));
        } catch (IOException e) {
            throw new UncheckedIOException("Lanyard cannot read its list of common passwords " + RESOURCE, e);
        }
    }

    public boolean contains(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return passwords.size();
    }
}
