package dev.lanyard.token.boundary;

import dev.lanyard.token.entity.Abilities;
import java.time.Instant;
import java.util.Set;

/** Who a valid token speaks for and what it may do: what the web tier needs of a request's credential. */
public record AuthenticatedToken(long tokenId, String tokenName, Instant tokenExpiresAt, long ownerId,
        String ownerKind, Set<String> groups, Abilities abilities, boolean emailVerified) {

    public AuthenticatedToken {
        groups = Set.copyOf(groups);
    }

    public boolean can(String ability) {
        return abilities.can(ability);
    }
}
