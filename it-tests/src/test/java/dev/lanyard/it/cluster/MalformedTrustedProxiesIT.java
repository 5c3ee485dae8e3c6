package dev.lanyard.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.SuiteDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A malformed {@code lanyard.trusted-proxies} stops the deployment with a line naming the entry, rather than being
 * ignored, which would put every client of that proxy at one address again.
 */
@ExtendWith(SuiteDatabase.class)
class MalformedTrustedProxiesIT {

    @Test
    void aMalformedEntryStopsTheDeploymentNamingIt() {
        List<String> log = new CopyOnWriteArrayList<>();
        List<String> options = new ArrayList<>(SuiteDatabase.current().asSystemProperties());
        options.add("-Dlanyard.trusted-proxies=127.0.0.1/32,10.0.0.0/33");

        assertThatThrownBy(() -> MicroServer.start(
                                Path.of(System.getProperty("lanyard.micro.jar")),
                                Deployments.war().toPath(),
                                MicroServer.freePort(),
                                options,
                                log::add)
                        .close())
                .isInstanceOf(IllegalStateException.class);
        assertThat(log)
                .anyMatch(line -> line.contains(
                        "lanyard.trusted-proxies: \"10.0.0.0/33\" is not an IPv4 or" + " IPv6 address or CIDR block"));
    }
}
