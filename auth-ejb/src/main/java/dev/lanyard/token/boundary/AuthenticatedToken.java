package dev.lanyard.token.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.problem.Forbidden;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.TokenOwner;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who a valid token speaks for and what it may do: what the web tier needs of a request's credential. The owner
 * is the one read with the token, so a resource about the caller needs no second query. {@code session} marks a
 * single-page app's browser session, authenticated by its cookie.
 */
public record AuthenticatedToken(
        long tokenId,
        String tokenName,
        Instant tokenExpiresAt,
        Instant validUntil,
        TokenOwner owner,
        Abilities abilities,
        boolean session) {

    /**
     * When the token stops authenticating: its own expiry or the end of the global lifetime, whichever comes
     * first; empty when neither applies.
     */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(validUntil);
    }

    public long ownerId() {
        return owner.id();
    }

    public String ownerKind() {
        return owner.kind();
    }

    public Set<String> groups() {
        return owner.groups();
    }

    public boolean emailVerified() {
        return owner.emailVerified();
    }

    /** The user the token belongs to; empty for an API client's token. */
    public Optional<User> user() {
        return owner instanceof User user ? Optional.of(user) : Optional.empty();
    }

    public boolean can(String ability) {
        return abilities.can(ability);
    }

    /** Refuses abilities this token does not have: no token grants more than its own. */
    public void requireCovers(Abilities requested) {
        if (!abilities.covers(requested)) {
            throw new Forbidden("A token cannot grant abilities its creator's token does not have.");
        }
    }
}
