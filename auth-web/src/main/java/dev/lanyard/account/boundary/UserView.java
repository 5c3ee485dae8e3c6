package dev.lanyard.account.boundary;

import dev.lanyard.account.entity.User;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. */
public record UserView(
        long id, String name, String email, List<String> roles, Instant emailVerifiedAt, Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(
                user.id(),
                user.name(),
                user.email(),
                List.copyOf(user.roles()),
                user.emailVerifiedAt(),
                user.createdAt());
    }
}
