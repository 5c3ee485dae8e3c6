package dev.lanyard.token.control;

import dev.lanyard.account.entity.User;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.AccessToken;
import dev.lanyard.token.entity.TokenOwner;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Optional;

/** Cached tokens with the ids the database would have given them and their owners. */
final class CachedTokens {

    private CachedTokens() {
    }

    static CachedToken of(long id, long ownerId) {
        var owner = new User("Ann", "ann@example.com", "hash", Instant.now());
        set(TokenOwner.class, owner, "id", ownerId);
        var token = new AccessToken(owner, "t", "00", Abilities.all(), Instant.now(), null);
        set(AccessToken.class, token, "id", id);
        return CachedToken.of(token, Optional.empty());
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
