package dev.lanyard.account.boundary;

import dev.lanyard.account.boundary.AuthResource.ChallengeRequest;
import dev.lanyard.account.boundary.AuthResource.LoginRequest;
import dev.lanyard.account.boundary.AuthResource.RegisterRequest;
import dev.lanyard.account.boundary.AuthResource.TwoFactorRequired;
import dev.lanyard.audit.control.RequestOrigin;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.security.BrowserCookies;
import dev.lanyard.security.ClientOrigins;
import dev.lanyard.security.CsrfTokens;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.SpaOnly;
import dev.lanyard.token.boundary.AuthenticatedToken;
import dev.lanyard.token.boundary.RevokeReason;
import dev.lanyard.token.boundary.SignIn;
import dev.lanyard.token.boundary.Tokens;
import dev.lanyard.token.entity.PlainTextToken;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * A single-page app's cookie session (Sanctum's SPA authentication): fetch the CSRF cookie, then register or
 * sign in, which sets an HttpOnly session cookie; afterwards every API endpoint works with the cookie and the
 * {@code X-XSRF-TOKEN} header, within the user's roles. Sign-in and registration run the same checks as their
 * token counterparts; each sign-in is a new session, so its id changes, and any session the browser had ends.
 */
@ApplicationScoped
@PermitAll
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SpaResource {

    public record SignedIn(UserView user) {}

    @Inject
    Accounts accounts;

    @Inject
    Tokens tokens;

    @Inject
    SecondFactor secondFactor;

    @Inject
    CurrentCaller caller;

    @Inject
    CsrfTokens csrf;

    @Inject
    RequestOrigin origin;

    @Inject
    ClientOrigins clients;

    @Inject
    HttpServletRequest request;

    @GET
    @Path("csrf-cookie")
    public Response csrfCookie() {
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, xsrfCookie(currentSession()))
                .build();
    }

    @POST
    @Path("spa/register")
    @SpaOnly
    public Response register(
            @Valid @NotNull(message = "A JSON body is required.") RegisterRequest body, @Context UriInfo uri) {
        SignedInUser registration = accounts.register(
                body.name(), body.email(), body.password(), body.passwordConfirmation(), SignIn.browserSession());
        return signedIn(Response.created(uri.getBaseUriBuilder().path("user").build()), registration);
    }

    @POST
    @Path("spa/login")
    @SpaOnly
    public Response login(@Valid @NotNull(message = "A JSON body is required.") LoginRequest body) {
        LoginOutcome outcome = accounts.login(body.email(), body.password(), SignIn.browserSession(), origin.ip());
        if (outcome instanceof PendingTwoFactor pending) {
            return Response.ok(new TwoFactorRequired(true, pending.challenge())).build();
        }
        return signedIn(Response.ok(), (SignedInUser) outcome);
    }

    /** The second step of a sign-in with two-factor on; meeting the challenge opens the session. */
    @POST
    @Path("spa/two-factor-challenge")
    @SpaOnly
    public Response twoFactorChallenge(@Valid @NotNull(message = "A JSON body is required.") ChallengeRequest body) {
        SignedInUser login = secondFactor.exchange(
                body.challenge(),
                Optional.ofNullable(body.code()),
                Optional.ofNullable(body.recoveryCode()).filter(code -> !code.isBlank()),
                true);
        return signedIn(Response.ok(), login);
    }

    @POST
    @Path("spa/logout")
    @SpaOnly
    public Response logout() {
        endCurrentSession(RevokeReason.LOGOUT);
        return Response.ok(new MessageBody("Logged out."))
                .header(HttpHeaders.SET_COOKIE, BrowserCookies.endSession(secure()))
                .header(HttpHeaders.SET_COOKIE, xsrfCookie(Optional.empty()))
                .build();
    }

    private Response signedIn(Response.ResponseBuilder response, SignedInUser registration) {
        endCurrentSession(RevokeReason.LOGOUT);
        long sessionId = PlainTextToken.parse(registration.plainTextToken())
                .orElseThrow()
                .id();
        return response.entity(new SignedIn(UserView.of(registration.user())))
                .header(HttpHeaders.SET_COOKIE, BrowserCookies.session(registration.plainTextToken(), secure()))
                .header(HttpHeaders.SET_COOKIE, xsrfCookie(Optional.of(sessionId)))
                .build();
    }

    private void endCurrentSession(RevokeReason reason) {
        caller.ifAuthenticated()
                .filter(AuthenticatedToken::session)
                .ifPresent(session -> tokens.revoke(session.ownerId(), session.tokenId(), reason));
    }

    private Optional<Long> currentSession() {
        return caller.ifAuthenticated().filter(AuthenticatedToken::session).map(AuthenticatedToken::tokenId);
    }

    private String xsrfCookie(Optional<Long> sessionId) {
        return BrowserCookies.xsrfToken(csrf.issue(sessionId), secure());
    }

    private boolean secure() {
        return clients.of(request).secure();
    }
}
