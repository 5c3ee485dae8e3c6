package dev.lanyard.token.control;

import dev.lanyard.account.entity.User;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.AccessToken;
import dev.lanyard.token.entity.TokenOwner;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Cached tokens with the ids the database would have given them and their owners. */
final class CachedTokens {

    private CachedTokens() {}

    static CachedToken of(long id, long ownerId) {
        return of(id, ownerId, Instant.now(), null, Optional.empty());
    }

    /** A token created at {@code createdAt}, expiring at {@code expiresAt} (null: never), under {@code lifetime}. */
    static CachedToken of(long id, long ownerId, Instant createdAt, Instant expiresAt, Optional<Duration> lifetime) {
        var owner = new User("Ann", "ann@example.com", "hash", createdAt);
        set(TokenOwner.class, owner, "id", ownerId);
        var token = new AccessToken(owner, "t", "00", Abilities.all(), createdAt, expiresAt);
        set(AccessToken.class, token, "id", id);
        return CachedToken.of(token, lifetime);
    }

    private static void set(Class<?> type, Object target, String field, Object value) {
        try {
            Field declared = type.getDeclaredField(field);
            declared.setAccessible(true);
            declared.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
