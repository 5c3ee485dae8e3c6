package dev.lanyard.rest;

import jakarta.ws.rs.core.Response;

/** The fixed message the contract (after Laravel) gives for a status. */
public final class StatusMessages {

    private StatusMessages() {}

    public static String of(int status) {
        return switch (status) {
            case 400 -> "Bad request.";
            case 401 -> "Unauthenticated.";
            case 403 -> "This action is unauthorized.";
            case 404 -> "Not found.";
            case 405 -> "Method not allowed.";
            case 406 -> "Not acceptable.";
            case 409 -> "Conflict.";
            case 413 -> "Request body too large.";
            case 415 -> "Unsupported media type: send JSON.";
            case 419 -> "CSRF token mismatch.";
            case 429 -> "Too many attempts.";
            case 503 -> "Service unavailable.";
            default -> {
                var known = Response.Status.fromStatusCode(status);
                yield known == null ? "Server error." : known.getReasonPhrase() + ".";
            }
        };
    }
}
