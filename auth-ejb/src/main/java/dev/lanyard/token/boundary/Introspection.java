package dev.lanyard.token.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.client.entity.ApiClient;
import dev.lanyard.token.control.CachedToken;
import dev.lanyard.token.entity.TokenOwner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What introspection tells about an active token (RFC 7662): whose it is ({@code subject} is the owner's kind
 * and id, as the container's principal), a user's email or a client's id, its abilities (the scope), when it was
 * issued and when it stops working.
 */
public record Introspection(
        String subject,
        Optional<String> username,
        Optional<String> clientId,
        List<String> abilities,
        Instant issuedAt,
        Optional<Instant> expiresAt) {

    static Introspection of(CachedToken token) {
        TokenOwner owner = token.owner();
        return new Introspection(
                owner.kind() + ":" + owner.id(),
                owner instanceof User user ? Optional.of(user.email()) : Optional.empty(),
                owner instanceof ApiClient client ? Optional.of(String.valueOf(client.id())) : Optional.empty(),
                token.abilities().asList(),
                token.createdAt(),
                token.effectiveExpiry());
    }
}
