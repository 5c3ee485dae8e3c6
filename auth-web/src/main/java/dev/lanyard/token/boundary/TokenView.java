package dev.lanyard.token.boundary;

import dev.lanyard.token.entity.AccessToken;
import java.time.Instant;
import java.util.List;

/** A token as its owner sees it: never the secret or its hash. */
public record TokenView(
        long id,
        String name,
        List<String> abilities,
        Instant lastUsedAt,
        String lastUsedIp,
        String lastUsedUserAgent,
        Instant createdAt,
        Instant expiresAt,
        boolean current) {

    public static TokenView of(AccessToken token, long currentTokenId) {
        return new TokenView(
                token.id(),
                token.name(),
                token.abilities().asList(),
                token.lastUsedAt(),
                token.lastUsedIp(),
                token.lastUsedUserAgent(),
                token.createdAt(),
                token.expiresAt(),
                token.id() == currentTokenId);
    }
}
