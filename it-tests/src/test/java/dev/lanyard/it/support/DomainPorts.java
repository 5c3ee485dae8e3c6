package dev.lanyard.it.support;

import dev.lanyard.devserver.MicroServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Free ports for the test domain, so the suite runs beside a dev server on 8080 or another Payara. The
 * domain's configuration is rewritten each run from the copy it was unpacked with.
 */
record DomainPorts(int http, int admin) {

    /** The fixed ports Payara's default domain listens on: HTTP, HTTPS, admin, IIOP (3), JMX. */
    private static final int[] DEFAULTS = {8080, 8181, 4848, 3700, 3820, 3920, 8686};

    static DomainPorts assignFree(Path domain) {
        Path config = domain.resolve("config/domain.xml");
        Path pristine = domain.resolve("config/domain.xml.unpacked");
        try {
            if (!Files.exists(pristine)) {
                Files.copy(config, pristine);
            }
            String xml = Files.readString(pristine);
            Map<Integer, Integer> chosen = new HashMap<>();
            for (int port : DEFAULTS) {
                int free = MicroServer.freePort();
                chosen.put(port, free);
                xml = xml.replace("port=\"" + port + "\"", "port=\"" + free + "\"");
            }
            Path rewritten = Files.writeString(domain.resolve("config/domain.xml.next"), xml);
            Files.move(rewritten, config, StandardCopyOption.REPLACE_EXISTING);
            return new DomainPorts(chosen.get(8080), chosen.get(4848));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not assign ports to the Payara domain at " + domain, e);
        }
    }
}
