package dev.lanyard.token.boundary;

import java.util.Locale;

/** Why a token stopped working, as the audit trail records it. */
public enum RevokeReason {
    LOGOUT,
    LOGOUT_ALL,
    REFRESH,
    OWNER,
    ADMIN,
    USER_DELETED,
    CLIENT_DELETED,
    PASSWORD_CHANGE,
    PASSWORD_RESET,
    OAUTH_REVOKE,
    REPORTED,
    UNUSED,
    IDLE,
    SESSION_ENDED,
    LOGOUT_OTHERS,
    USER_DISABLED,
    LOGOUT_EVERYWHERE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
