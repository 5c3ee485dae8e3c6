package dev.lanyard.token.boundary;

import dev.lanyard.token.entity.AccessToken;

/** A token just created, with the plain text that is shown once and never stored. */
public record IssuedToken(AccessToken token, String plainText) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + token.id() + "]";
    }
}
