package dev.lanyard.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.it.support.Deployments;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The two artifacts carry the same modules, packaged for their runtime, and no class twice. */
class ArtifactPackagingTest {

    @Test
    void earHoldsTheEjbModuleTheWebModuleAndTheLibraries() throws IOException {
        List<String> entries = entriesOf(Deployments.ear());

        assertThat(entries).contains("META-INF/application.xml", "auth-ejb.jar", "auth-web.war");
        assertThat(entries).anyMatch(name -> name.matches("lib/.*auth-domain-.*\\.jar"));
        assertThat(entries).anyMatch(name -> name.matches("lib/.*postgresql-.*\\.jar"));
        assertThat(entries).anyMatch(name -> name.matches("lib/.*flyway-core-.*\\.jar"));
        // Payara ships neither password library to applications.
        assertThat(entries).anyMatch(name -> name.matches("lib/.*bcprov-jdk18on-.*\\.jar"));
        assertThat(entries).anyMatch(name -> name.matches("lib/.*bcrypt-.*\\.jar"));
        // Swagger UI is served from the web module's own jars only: there, as its one jar, and not in lib/.
        assertThat(entries).noneMatch(name -> name.contains("swagger-ui"));
        try (var ear = new ZipFile(Deployments.ear());
                var war = new ZipInputStream(ear.getInputStream(ear.getEntry("auth-web.war")))) {
            List<String> web = new ArrayList<>();
            for (ZipEntry entry = war.getNextEntry(); entry != null; entry = war.getNextEntry()) {
                web.add(entry.getName());
            }
            assertThat(web)
                    .contains("api-docs/index.html", "api-docs/swagger-initializer.js")
                    .anyMatch(name -> name.matches("WEB-INF/lib/swagger-ui-.*\\.jar"))
                    .filteredOn(name -> name.endsWith(".jar"))
                    .hasSize(1);
        }
    }

    @Test
    void earCarriesNoClassTwice() throws IOException {
        Map<String, Set<String>> places = new HashMap<>();
        try (var ear = new ZipFile(Deployments.ear())) {
            for (ZipEntry entry : ear.stream().toList()) {
                if (entry.getName().endsWith(".jar") || entry.getName().endsWith(".war")) {
                    try (var nested = ear.getInputStream(entry)) {
                        collectClasses(nested, entry.getName(), places);
                    }
                }
            }
        }

        assertThat(places).isNotEmpty();
        // A multi-release jar holds several versions of a class; that is still one archive carrying it.
        assertThat(places)
                .allSatisfy((type, archives) -> assertThat(archives).as(type).hasSize(1));
    }

    @Test
    void warForMicroIsSelfContained() throws IOException {
        List<String> entries = entriesOf(Deployments.war());

        assertThat(entries).anyMatch(name -> name.matches("WEB-INF/lib/auth-ejb-.*\\.jar"));
        assertThat(entries).anyMatch(name -> name.matches("WEB-INF/lib/auth-domain-.*\\.jar"));
        assertThat(entries).anyMatch(name -> name.matches("WEB-INF/lib/postgresql-.*\\.jar"));
        assertThat(entries).anyMatch(name -> name.matches("WEB-INF/lib/bcprov-jdk18on-.*\\.jar"));
        assertThat(entries).anyMatch(name -> name.matches("WEB-INF/lib/bcrypt-.*\\.jar"));
        assertThat(entries).anyMatch(name -> name.startsWith("WEB-INF/classes/dev/lanyard/"));
        assertThat(entries)
                .contains("api-docs/index.html", "api-docs/swagger-initializer.js")
                .anyMatch(name -> name.matches("WEB-INF/lib/swagger-ui-.*\\.jar"));
    }

    private static List<String> entriesOf(File archive) throws IOException {
        try (var zip = new ZipFile(archive)) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    private static void collectClasses(InputStream archive, String path, Map<String, Set<String>> places)
            throws IOException {
        var zip = new ZipInputStream(archive);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = entry.getName();
            if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                String type = name.replaceFirst("^(WEB-INF/classes/|META-INF/versions/\\d+/)", "");
                places.computeIfAbsent(type, key -> new TreeSet<>()).add(path);
            } else if (name.endsWith(".jar")) {
                collectClasses(zip, path + "!/" + name, places);
            }
        }
    }
}
