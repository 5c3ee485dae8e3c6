package dev.lanyard.persistence;

/** Text a caller sent, such as a user agent, cut to the column that keeps it rather than refused by it. */
public final class ColumnText {

    public static final int MAX_IP = 64;
    public static final int MAX_USER_AGENT = 512;

    private ColumnText() {}

    /** The start of {@code value} that fits {@code max} characters, never half of a surrogate pair. */
    public static String fit(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
