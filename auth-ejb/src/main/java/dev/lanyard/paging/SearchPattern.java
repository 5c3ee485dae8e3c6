package dev.lanyard.paging;

import java.util.Locale;
import java.util.Optional;

/** A search box's text as a {@code LIKE} pattern that finds it anywhere, its own % and _ taken literally. */
public final class SearchPattern {

    private SearchPattern() {}

    /** Matches what contains {@code search} whatever its case; everything when there is no search. */
    public static String containing(Optional<String> search) {
        return "%"
                + search.map(s -> s.trim().toLowerCase(Locale.ROOT))
                        .orElse("")
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }
}
