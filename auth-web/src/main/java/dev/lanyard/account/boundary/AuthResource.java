package dev.lanyard.account.boundary;

import dev.lanyard.audit.control.RequestOrigin;
import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.rest.OpenApiContract;
import dev.lanyard.rest.WholeNumber;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.boundary.RevokeReason;
import dev.lanyard.token.boundary.SignIn;
import dev.lanyard.token.boundary.TokenIssuer;
import dev.lanyard.token.boundary.Tokens;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Register, login, logout, logout everywhere, and token refresh. */
@ApplicationScoped
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record RegisterRequest(
            @NotBlank(message = "The name field is required.")
            @Size(max = 255, message = "The name field must not be greater than 255 characters.")
            String name,

            @NotBlank(message = "The email field is required.")
            @Email(message = "The email field must be a valid email address.")
            @Size(max = 255, message = "The email field must not be greater than 255 characters.")
            String email,

            @NotNull(message = "The password field is required.")
            String password,

            String passwordConfirmation,

            @Size(max = 255, message = "The device name field must not be greater than 255 characters.")
            String deviceName) {}

    public record LoginRequest(
            @NotBlank(message = "The email field is required.")
            @Size(max = 255, message = "The email field must not be greater than 255 characters.")
            String email,

            @NotNull(message = "The password field is required.")
            String password,

            @Size(max = 255, message = "The device name field must not be greater than 255 characters.")
            String deviceName) {}

    public record Authenticated(UserView user, String token) {}

    public record Refreshed(String token) {}

    /** Optional: without a body, or without a grace, the old token ends at once. */
    public record RefreshRequest(
            @WholeNumber(message = "The grace seconds field must be an integer.")
            @Min(value = 0, message = "The grace seconds field must be at least 0.")
            @Max(value = Integer.MAX_VALUE, message = "The grace seconds field is too large.")
            BigDecimal graceSeconds) {}

    /** Fortify's answer to a correct password when two-factor is on: no token yet. */
    public record TwoFactorRequired(boolean twoFactor, String challenge) {}

    /** The second step of a login with two-factor on: the challenge, and a code or a recovery code. */
    public record ChallengeRequest(
            @NotBlank(message = "The challenge field is required.")
            String challenge,

            String code,
            String recoveryCode) {}

    private static final String DEFAULT_DEVICE = "api";

    @Inject
    Accounts accounts;

    @Inject
    Tokens tokens;

    @Inject
    TokenIssuer issuer;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestOrigin origin;

    @PermitAll
    @POST
    @Path("register")
    public Response register(
            @Valid @NotNull(message = "A JSON body is required.") RegisterRequest body, @Context UriInfo uri) {
        SignedInUser registration = accounts.register(
                body.name(),
                body.email(),
                body.password(),
                body.passwordConfirmation(),
                SignIn.apiToken(deviceOf(body.deviceName())));
        return Response.created(uri.getBaseUriBuilder().path("user").build())
                .entity(new Authenticated(UserView.of(registration.user()), registration.plainTextToken()))
                .build();
    }

    @PermitAll
    @POST
    @Path("login")
    // Declaring one response replaces the generated ones, so the success is declared too.
    @APIResponse(
            responseCode = "200",
            description = "The user and a new token, or, with two-factor on, a challenge"
                    + " to meet at POST /api/two-factor-challenge",
            content = @Content(schema = @Schema(oneOf = {Authenticated.class, TwoFactorRequired.class})))
    @APIResponse(
            responseCode = "429",
            description = "Too many failed logins for this email and address; see" + " Retry-After",
            content = @Content(schema = @Schema(ref = OpenApiContract.MESSAGE)))
    public Object login(@Valid @NotNull(message = "A JSON body is required.") LoginRequest body) {
        LoginOutcome outcome = accounts.login(
                body.email(), body.password(), SignIn.apiToken(deviceOf(body.deviceName())), origin.ip());
        if (outcome instanceof PendingTwoFactor pending) {
            return new TwoFactorRequired(true, pending.challenge());
        }
        SignedInUser token = (SignedInUser) outcome;
        return new Authenticated(UserView.of(token.user()), token.plainTextToken());
    }

    @POST
    @Path("logout")
    @RolesAllowed(Roles.USER)
    @SecurityRequirement(name = LanyardApplication.BEARER)
    public MessageBody logout() {
        tokens.revoke(caller.ownerId(), caller.token().tokenId(), RevokeReason.LOGOUT);
        return new MessageBody("Logged out.");
    }

    @POST
    @Path("logout-all")
    @RolesAllowed(Roles.USER)
    // Ends every token of the account, so only a token that could do anything anyway may.
    @RequireAbilities(Abilities.WILDCARD)
    @SecurityRequirement(name = LanyardApplication.BEARER)
    public MessageBody logoutEverywhere() {
        int revoked = tokens.revokeAll(caller.ownerId(), RevokeReason.LOGOUT_ALL);
        return new MessageBody(
                "Logged out everywhere: " + revoked + " token" + (revoked == 1 ? "" : "s") + " revoked.");
    }

    @POST
    @Path("token/refresh")
    @RolesAllowed({Roles.USER, Roles.CLIENT})
    @SecurityRequirement(name = LanyardApplication.BEARER)
    public Refreshed refresh(@Valid RefreshRequest body) {
        long grace = body == null || body.graceSeconds() == null
                ? 0
                : body.graceSeconds().longValueExact();
        return new Refreshed(
                issuer.refresh(caller.token(), Duration.ofSeconds(grace)).plainText());
    }

    private static String deviceOf(String deviceName) {
        return Optional.ofNullable(deviceName).filter(name -> !name.isBlank()).orElse(DEFAULT_DEVICE);
    }
}
