package dev.lanyard.account.boundary;

import dev.lanyard.account.entity.User;

/**
 * A user who just proved who they are (registering, logging in, meeting a two-factor challenge), with the token or
 * browser session issued to them: what a successful sign-in answers.
 */
public record SignedInUser(User user, String plainTextToken) implements LoginOutcome {

    @Override
    public String toString() {
        return "SignedInUser[user=" + user.id() + "]";
    }
}
