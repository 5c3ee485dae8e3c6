package dev.lanyard.startup;

/**
 * Why Lanyard refuses to start with the configuration it was given. Thrown while the application deploys, so the
 * deployment fails; every message begins with {@value #PREFIX}, so that a launcher can find the reason among the
 * server's output and stop waiting at once.
 */
public class StartupRefusal extends IllegalStateException {

    public static final String PREFIX = "Lanyard cannot start: ";

    public StartupRefusal(String reason, Throwable cause) {
        super(PREFIX + reason, cause);
    }

    public StartupRefusal(String reason) {
        super(PREFIX + reason);
    }
}
