package dev.lanyard.account.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.token.boundary.SignIn;
import java.util.Optional;

/**
 * What signing in and changing an account ask of a second factor. Two-factor authentication is its own component
 * that builds on accounts and implements this, so that accounts need not know it.
 */
public interface SecondFactor {

    /** For a user whose second factor is on, a challenge to meet instead of a token or session. */
    Optional<String> challengeIfEnabled(User user, SignIn signIn);

    /**
     * Meets a challenge with a code (or a recovery code): signs the user in as the login asked, with a token or a
     * browser session when {@code forSession}.
     */
    SignedInUser exchange(String challenge, Optional<String> code, Optional<String> recoveryCode, boolean forSession);

    /** Pending logins of a user stop counting: their password changed, or the second factor went away. */
    void dropChallenges(long userId);
}
