package dev.lanyard.account.boundary;

/** The password was right and the user has two-factor on: the challenge to answer with a code. */
public record PendingTwoFactor(String challenge) implements LoginOutcome {

    @Override
    public String toString() {
        return "PendingTwoFactor[challenge hidden]";
    }
}
