package dev.lanyard.it.support;

import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A single-page app's requests, written by hand: the page's address as Referer, the cookies the server set, and
 * the XSRF-TOKEN cookie echoed in X-XSRF-TOKEN, as a browser running such an app would send them.
 */
public final class SpaClient {

    private final Api api;
    private final String page;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private boolean echoXsrf = true;

    public SpaClient(Api api, String page) {
        this.api = api;
        this.page = page;
    }

    /** An app on {@code page} with the account signed in: the CSRF cookie first, then the login. */
    public static SpaClient signedIn(Api api, String page, Accounts.Account account) {
        SpaClient spa = new SpaClient(api, page).withCsrfCookie();
        var login = spa.login(account.email(), Accounts.PASSWORD);
        if (login.status() != 200) {
            throw new IllegalStateException("login answered " + login);
        }
        return spa;
    }

    /** Fetches the CSRF cookie, as the app does before it signs in. */
    public SpaClient withCsrfCookie() {
        var reply = send(api.get("api/csrf-cookie"));
        if (reply.status() != 204) {
            throw new IllegalStateException("csrf-cookie answered " + reply);
        }
        return this;
    }

    /** Sends the cookie but forgets to repeat it in the header. */
    public SpaClient withoutXsrfHeader() {
        echoXsrf = false;
        return this;
    }

    public SpaClient cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public Api.Reply login(String email, String password) {
        return send(api.post("api/spa/login", Json.of("email", email, "password", password)));
    }

    public Api.Reply send(Api.Call call) {
        call.header("Referer", page);
        if (!cookies.isEmpty()) {
            call.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        if (echoXsrf && cookies.containsKey("XSRF-TOKEN")) {
            call.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        var reply = call.send();
        for (String header : setCookies(reply)) {
            HttpCookie cookie = HttpCookie.parse(header).get(0);
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return reply;
    }

    public static List<String> setCookies(Api.Reply reply) {
        return reply.response().headers().allValues("Set-Cookie");
    }

    /** The raw Set-Cookie header for one cookie, to read its attributes. */
    public static String setCookie(Api.Reply reply, String name) {
        return setCookies(reply).stream()
                .filter(h -> h.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + setCookies(reply)));
    }
}
