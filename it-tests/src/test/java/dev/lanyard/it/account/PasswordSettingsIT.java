package dev.lanyard.it.account;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanyard.devserver.MicroServer;
import dev.lanyard.it.support.Deployments;
import dev.lanyard.it.support.SuiteDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An unknown password algorithm stops the deployment, naming the setting, rather than failing every login. */
@ExtendWith(SuiteDatabase.class)
class PasswordSettingsIT {

    @Test
    void anUnknownAlgorithmStopsTheDeploymentNamingIt() {
        List<String> options = new ArrayList<>(SuiteDatabase.current().asSystemProperties());
        options.add("-Dlanyard.password.algorithm=scrypt");

        assertThatThrownBy(() -> MicroServer.start(
                                Path.of(System.getProperty("lanyard.micro.jar")),
                                Deployments.war().toPath(),
                                MicroServer.freePort(),
                                options,
                                line -> {})
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lanyard did not deploy")
                .hasMessageContaining("lanyard.password.algorithm is \"scrypt\"; it must be argon2id or bcrypt");
    }
}
