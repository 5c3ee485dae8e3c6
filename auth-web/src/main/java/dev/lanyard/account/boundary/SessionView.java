package dev.lanyard.account.boundary;

import dev.lanyard.token.entity.AccessToken;
import java.time.Instant;

/** A browser session as its user sees it: when it began, when and from where it was last active. */
public record SessionView(
        long id, Instant createdAt, Instant lastActiveAt, String ip, String userAgent, boolean current) {

    public static SessionView of(AccessToken session, long currentTokenId) {
        return new SessionView(
                session.id(),
                session.createdAt(),
                session.lastUsedAt() == null ? session.createdAt() : session.lastUsedAt(),
                session.lastUsedIp(),
                session.lastUsedUserAgent(),
                session.id() == currentTokenId);
    }
}
