package dev.lanyard.account.boundary;

import dev.lanyard.audit.control.RequestOrigin;
import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Changing a known password, and resetting a forgotten one by mail (Fortify's routes). */
@ApplicationScoped
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResource {

    static final String RESET_SENT = "If that email address is registered, we have emailed a password reset link.";

    public record ChangePasswordRequest(
            @NotNull(message = "The current password field is required.")
            String currentPassword,

            @NotNull(message = "The password field is required.")
            String password,

            String passwordConfirmation) {}

    public record ForgotPasswordRequest(
            @NotBlank(message = "The email field is required.")
            @Email(message = "The email field must be a valid email address.")
            String email) {}

    public record ResetPasswordRequest(
            @NotBlank(message = "The token field is required.")
            String token,

            @NotBlank(message = "The email field is required.")
            @Email(message = "The email field must be a valid email address.")
            String email,

            @NotNull(message = "The password field is required.")
            String password,

            String passwordConfirmation) {}

    @Inject
    Accounts accounts;

    @Inject
    PasswordResets resets;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestOrigin origin;

    @SecurityRequirement(name = LanyardApplication.BEARER)
    @PUT
    @Path("user/password")
    @RolesAllowed(Roles.USER)
    @RequireAbilities(Abilities.WILDCARD)
    public MessageBody change(@Valid @NotNull(message = "A JSON body is required.") ChangePasswordRequest body) {
        accounts.changePassword(
                caller.ownerId(),
                caller.token().tokenId(),
                body.currentPassword(),
                body.password(),
                body.passwordConfirmation());
        return new MessageBody("Password updated. Every other token of yours has been revoked.");
    }

    @PermitAll
    @POST
    @Path("forgot-password")
    public MessageBody forgot(@Valid @NotNull(message = "A JSON body is required.") ForgotPasswordRequest body) {
        resets.forgot(body.email(), origin.ip());
        return new MessageBody(RESET_SENT);
    }

    @PermitAll
    @POST
    @Path("reset-password")
    public MessageBody reset(@Valid @NotNull(message = "A JSON body is required.") ResetPasswordRequest body) {
        resets.reset(body.token(), body.email(), body.password(), body.passwordConfirmation());
        return new MessageBody("Your password has been reset. Log in with the new one.");
    }
}
