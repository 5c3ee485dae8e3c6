package dev.lanyard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The WAR of the login benchmark's reference ({@code HashRateServlet}), assembled from this module's classes and the
 * very password-hashing jars inside Lanyard's WAR (Bouncy Castle; bcrypt and its bytes library), so the reference
 * runs the same libraries as the product.
 */
final class ReferenceWar {

    static final String CONTEXT_ROOT = "hash-reference";
    private static final Pattern HASHING_JARS =
            Pattern.compile("WEB-INF/lib/(bcprov-jdk18on|bcrypt|bytes)-[^/]+\\.jar");
    // By name: this JVM has no servlet API to load the servlet with.
    private static final List<String> CLASSES =
            List.of("HashRateServlet", "ClosedLoop", "ClosedLoop$Call", "ClosedLoop$Rate");

    private ReferenceWar() {}

    static Path write(Path lanyardWar, Path directory) throws IOException {
        Path war = Files.createDirectories(directory).resolve(CONTEXT_ROOT + ".war");
        try (var out = new ZipOutputStream(Files.newOutputStream(war));
                var lanyard = new ZipFile(lanyardWar.toFile())) {
            for (String type : CLASSES) {
                String name = "dev/lanyard/bench/reference/" + type + ".class";
                try (InputStream bytes = ReferenceWar.class.getClassLoader().getResourceAsStream(name)) {
                    copy(out, "WEB-INF/classes/" + name, bytes);
                }
            }
            var jars = lanyard.stream()
                    .filter(entry -> HASHING_JARS.matcher(entry.getName()).matches())
                    .toList();
            if (jars.size() != 3) {
                throw new IllegalStateException(
                        "Lanyard's WAR should hold Bouncy Castle, bcrypt and its bytes library: " + jars);
            }
            for (ZipEntry jar : jars) {
                try (InputStream bytes = lanyard.getInputStream(jar)) {
                    copy(out, jar.getName(), bytes);
                }
            }
        }
        return war;
    }

    private static void copy(ZipOutputStream out, String name, InputStream bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        bytes.transferTo(out);
        out.closeEntry();
    }
}
