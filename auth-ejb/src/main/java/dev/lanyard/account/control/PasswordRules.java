package dev.lanyard.account.control;

import java.util.ArrayList;
import java.util.List;

/**
 * ASVS 5.0 §6.2: at least 8 characters, at least 64 allowed (here up to 1024), no composition rules, taken
 * exactly as typed, and none of the most common passwords.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;

    private static final CommonPasswords COMMON = CommonPasswords.load();

    private PasswordRules() {}

    /** What is wrong with a new password, in Laravel's wording; empty when it is acceptable. */
    public static List<String> problems(String password, String confirmation) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("The password field is required.");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("The password field must be at least " + MIN_LENGTH + " characters.");
        } else if (length > MAX_LENGTH) {
            problems.add("The password field must not be greater than " + MAX_LENGTH + " characters.");
        } else if (COMMON.contains(password)) {
            problems.add("The given password is too common. Please choose a different password.");
        }
        if (!password.equals(confirmation)) {
            problems.add("The password field confirmation does not match.");
        }
        return problems;
    }
}
