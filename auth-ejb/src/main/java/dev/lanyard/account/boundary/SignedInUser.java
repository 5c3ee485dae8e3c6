package dev.lanyard.account.boundary;

import dev.lanyard.account.entity.User;

/** A user together with the token just issued to them: the answer to register and login. */
public record Registration(User user, String plainTextToken) implements LoginOutcome {

    @Override
    public String toString() {
        return "Registration[user=" + user.id() + "]";
    }
}
