package dev.lanyard.it.support;

import java.io.File;

/** The artifacts Maven built, as copied into it-tests/target/deployments. */
public final class Deployments {

    private Deployments() {}

    public static File war() {
        return file("lanyard.war");
    }

    public static File ear() {
        return file("lanyard.ear");
    }

    private static File file(String name) {
        File file = new File(System.getProperty("lanyard.deployments", "target/deployments"), name);
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing: run the tests through Maven (mvn verify)");
        }
        return file;
    }
}
