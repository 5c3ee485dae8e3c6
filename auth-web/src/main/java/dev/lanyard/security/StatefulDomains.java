package dev.lanyard.security;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The domains whose pages are this server's single-page apps, matched as Sanctum matches them: {@code test.com}
 * matches {@code https://test.com/...} but neither {@code test.com.x} nor {@code test.com:8443}, and
 * {@code *.test.com} matches {@code foobar.test.com}. Unlike Sanctum's match on the whole URL, a pattern is
 * compared with the URL's host and port only, so {@code https://evil.com/x.test.com/} is no match.
 */
public final class StatefulDomains {

    private final List<Pattern> patterns;

    private StatefulDomains(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** From the comma-separated configuration value, e.g. {@code localhost,localhost:3000,*.example.com}. */
    public static StatefulDomains of(String commaSeparated) {
        return new StatefulDomains(Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(domain -> !domain.isEmpty())
                .map(StatefulDomains::compile)
                .toList());
    }

    /**
     * Whether the page at {@code url} (a Referer or an Origin) is one of the app's: one of the patterns, or the
     * server's own {@code host} (the request's Host header), which a cross-site page cannot forge.
     */
    public boolean matches(String url, Optional<String> ownHost) {
        return authority(url)
                .filter(authority ->
                        patterns.stream().anyMatch(p -> p.matcher(authority).matches())
                                || ownHost.map(StatefulDomains::normalize)
                                        .filter(authority::equals)
                                        .isPresent())
                .isPresent();
    }

    /** Host and port, lower case, IPv6 without brackets; nothing for an unparsable or opaque URL. */
    static Optional<String> authority(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(normalize(uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String normalize(String authority) {
        return authority.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    }

    private static Pattern compile(String domain) {
        String bare = normalize(domain.replaceFirst("(?i)^https?://", "").replaceFirst("/+$", ""));
        StringBuilder regex = new StringBuilder();
        for (String part : bare.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
