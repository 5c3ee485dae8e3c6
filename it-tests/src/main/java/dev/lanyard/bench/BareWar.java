package dev.lanyard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The WAR of the platform's reference ({@code BareApplication}): one JAX-RS GET and nothing else. */
final class BareWar {

    static final String CONTEXT_ROOT = "bare";
    // By name: this JVM has no JAX-RS API to load the classes with.
    private static final List<String> CLASSES = List.of("BareApplication", "BareApplication$Ping");

    private BareWar() {}

    static Path write(Path directory) throws IOException {
        Path war = Files.createDirectories(directory).resolve(CONTEXT_ROOT + ".war");
        try (var out = new ZipOutputStream(Files.newOutputStream(war))) {
            for (String type : CLASSES) {
                String name = "dev/lanyard/bench/bare/" + type + ".class";
                try (InputStream bytes = BareWar.class.getClassLoader().getResourceAsStream(name)) {
                    out.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
                    bytes.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return war;
    }
}
