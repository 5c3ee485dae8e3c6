package dev.lanyard.twofactor.boundary;

import dev.lanyard.account.boundary.AuthResource.Authenticated;
import dev.lanyard.account.boundary.AuthResource.ChallengeRequest;
import dev.lanyard.account.boundary.SignedInUser;
import dev.lanyard.account.boundary.UserView;
import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Fortify's two-factor routes. Managing the second factor needs a token with every ability (one from login or
 * registration), so a narrow token that leaked cannot turn it off, and enabling, disabling and new recovery codes
 * need the password as well (Fortify's password confirmation), so a stolen token alone cannot lock the owner out.
 */
@ApplicationScoped
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TwoFactorResource {

    public record CodeRequest(
            @NotBlank(message = "The code field is required.")
            String code) {}

    public record PasswordRequest(
            @NotNull(message = "The password field is required.")
            String password) {}

    public record Enrolled(String secret, String otpauthUrl, List<String> recoveryCodes) {}

    /**
     * A factor changed: the answer offers to end every other session (ASVS 5.0 §7.4.3), naming the call that
     * does, which the web UI asks the user about.
     */
    public record FactorChanged(String message, String logoutOthers) {

        static FactorChanged of(String message) {
            return new FactorChanged(
                    message + " To sign out everywhere else, call logout_others with your" + " password.",
                    "POST /api/user/sessions/logout-others");
        }
    }

    public record RecoveryCodes(List<String> recoveryCodes) {}

    @Inject
    TwoFactor twoFactor;

    @Inject
    CurrentCaller caller;

    /** Whether two-factor is on, so a UI can offer the right action; never the secret or the codes. */
    @SecurityRequirement(name = LanyardApplication.BEARER)
    @GET
    @Path("user/two-factor-authentication")
    @RolesAllowed(Roles.USER)
    public TwoFactor.Status status() {
        return twoFactor.status(caller.ownerId());
    }

    @SecurityRequirement(name = LanyardApplication.BEARER)
    @POST
    @Path("user/two-factor-authentication")
    @RolesAllowed(Roles.USER)
    @RequireAbilities(Abilities.WILDCARD)
    public Enrolled enable(@Valid @NotNull(message = "A JSON body is required.") PasswordRequest body) {
        TwoFactor.Enrolment enrolment = twoFactor.enable(caller.ownerId(), body.password());
        return new Enrolled(enrolment.secret(), enrolment.otpauthUrl(), enrolment.recoveryCodes());
    }

    @SecurityRequirement(name = LanyardApplication.BEARER)
    @POST
    @Path("user/confirmed-two-factor-authentication")
    @RolesAllowed(Roles.USER)
    @RequireAbilities(Abilities.WILDCARD)
    public FactorChanged confirm(@Valid @NotNull(message = "A JSON body is required.") CodeRequest body) {
        twoFactor.confirm(caller.ownerId(), body.code());
        return FactorChanged.of("Two-factor authentication is enabled.");
    }

    @SecurityRequirement(name = LanyardApplication.BEARER)
    @DELETE
    @Path("user/two-factor-authentication")
    @RolesAllowed(Roles.USER)
    @RequireAbilities(Abilities.WILDCARD)
    public FactorChanged disable(@Valid @NotNull(message = "A JSON body is required.") PasswordRequest body) {
        twoFactor.disable(caller.ownerId(), body.password());
        return FactorChanged.of("Two-factor authentication is disabled.");
    }

    @SecurityRequirement(name = LanyardApplication.BEARER)
    @POST
    @Path("user/two-factor-recovery-codes")
    @RolesAllowed(Roles.USER)
    @RequireAbilities(Abilities.WILDCARD)
    public RecoveryCodes regenerate(@Valid @NotNull(message = "A JSON body is required.") PasswordRequest body) {
        return new RecoveryCodes(twoFactor.regenerateRecoveryCodes(caller.ownerId(), body.password()));
    }

    @PermitAll
    @POST
    @Path("two-factor-challenge")
    public Authenticated challenge(@Valid @NotNull(message = "A JSON body is required.") ChallengeRequest body) {
        Optional<String> recoveryCode = Optional.ofNullable(body.recoveryCode()).filter(code -> !code.isBlank());
        SignedInUser login =
                twoFactor.exchange(body.challenge(), Optional.ofNullable(body.code()), recoveryCode, false);
        return new Authenticated(UserView.of(login.user()), login.plainTextToken());
    }
}
