package dev.lanyard.security;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The two cookies of a single-page app, written as {@code Set-Cookie} values: the session (HttpOnly, so no
 * script can read it) and the CSRF token (readable, so the app can echo it in {@code X-XSRF-TOKEN}). Both are
 * {@code SameSite=Lax}, {@code Path=/}, and {@code Secure} over HTTPS; both last as long as the browser does,
 * the session's own expiry being kept on the server.
 */
public final class BrowserCookies {

    public static final String SESSION = "lanyard_session";
    public static final String XSRF_TOKEN = "XSRF-TOKEN";
    public static final String XSRF_HEADER = "X-XSRF-TOKEN";

    private BrowserCookies() {}

    public static String session(String plainTextToken, boolean secure) {
        return cookie(SESSION, URLEncoder.encode(plainTextToken, StandardCharsets.UTF_8), true, secure, false);
    }

    public static String endSession(boolean secure) {
        return cookie(SESSION, "", true, secure, true);
    }

    public static String xsrfToken(String token, boolean secure) {
        return cookie(XSRF_TOKEN, token, false, secure, false);
    }

    /** The token in a session cookie's value; the token's own format is checked by its parser. */
    public static Optional<String> sessionToken(String cookieValue) {
        try {
            return Optional.ofNullable(cookieValue)
                    .filter(v -> !v.isEmpty())
                    .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String cookie(String name, String value, boolean httpOnly, boolean secure, boolean expire) {
        return name + "=" + value + "; Path=/" + (expire ? "; Max-Age=0" : "") + (httpOnly ? "; HttpOnly" : "")
                + "; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
