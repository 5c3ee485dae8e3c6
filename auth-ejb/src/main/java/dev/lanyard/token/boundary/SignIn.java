package dev.lanyard.token.boundary;

import java.util.Objects;

/**
 * What a successful registration or login hands out: an API token named after the device, or a single-page
 * app's browser session. One credential check serves both, so every rule of logging in applies to both.
 */
public record SignIn(boolean session, String deviceName) {

    static final String SESSION_NAME = "browser session";

    public SignIn {
        Objects.requireNonNull(deviceName, "deviceName");
    }

    public static SignIn apiToken(String deviceName) {
        return new SignIn(false, deviceName);
    }

    public static SignIn browserSession() {
        return new SignIn(true, SESSION_NAME);
    }

    /** How the audit trail names what a sign-in handed out. */
    public String auditDetail() {
        return session ? "session" : "device=" + deviceName;
    }
}
