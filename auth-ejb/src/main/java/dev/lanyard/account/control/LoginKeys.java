package dev.lanyard.account.control;

import dev.lanyard.account.entity.User;

/** The throttle keys a login counts under: its email from its address, and its address across emails. */
public final class LoginKeys {

    private LoginKeys() {}

    public static String perEmail(String email, String clientAddress) {
        return User.normalizeEmail(email) + "|" + clientAddress;
    }

    public static String perAddress(String clientAddress) {
        return "login-ip|" + clientAddress;
    }
}
