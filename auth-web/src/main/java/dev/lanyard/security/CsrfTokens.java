package dev.lanyard.security;

import dev.lanyard.crypto.Hashes;
import dev.lanyard.crypto.Secrets;
import dev.lanyard.signature.boundary.Signatures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed double-submit CSRF tokens (OWASP): {@code random.binding.signature}, signed with the server key every
 * node shares. The binding is the browser session's id, or {@code guest} before sign-in, so a token planted by
 * a sibling domain (which can write cookies, not read them) is worthless: it was signed for another session.
 */
@ApplicationScoped
public class CsrfTokens {

    private static final String PURPOSE = "csrf";
    private static final String GUEST = "guest";

    @Inject
    Signatures signatures;

    public String issue(Optional<Long> sessionId) {
        String payload =
                Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.bytes(24)) + "." + binding(sessionId);
        return payload + "." + signatures.sign(PURPOSE, payload);
    }

    /** The header repeats the cookie, and the cookie was signed here for this session. */
    public boolean accepts(String cookie, String header, Optional<Long> sessionId) {
        if (!Hashes.same(cookie, header)) {
            return false;
        }
        int signatureAt = cookie.lastIndexOf('.');
        if (signatureAt < 0) {
            return false;
        }
        String payload = cookie.substring(0, signatureAt);
        return payload.endsWith("." + binding(sessionId))
                && signatures.verifies(PURPOSE, payload, cookie.substring(signatureAt + 1));
    }

    private static String binding(Optional<Long> sessionId) {
        return sessionId.map(id -> "s" + id).orElse(GUEST);
    }
}
