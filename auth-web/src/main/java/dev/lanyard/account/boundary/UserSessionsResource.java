package dev.lanyard.account.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.boundary.Tokens;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in user's browser sessions: see them, end one, end all others (ASVS 5.0 §7.5.2). */
@ApplicationScoped
@Path("user/sessions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
@SecurityRequirement(name = LanyardApplication.BEARER)
public class UserSessionsResource {

    public record SessionList(List<SessionView> sessions) {}

    public record LogoutOthersRequest(
            @NotNull(message = "The current password field is required.")
            String currentPassword,

            Boolean tokens) {}

    @Inject
    Tokens tokens;

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    @GET
    public SessionList list() {
        long current = caller.token().tokenId();
        return new SessionList(tokens.sessionsOf(caller.ownerId()).stream()
                .map(s -> SessionView.of(s, current))
                .toList());
    }

    @DELETE
    @Path("{id}")
    public MessageBody end(@PathParam("id") long id) {
        tokens.endSession(caller.ownerId(), id);
        return new MessageBody("Session ended.");
    }

    @POST
    @Path("logout-others")
    @RequireAbilities(Abilities.WILDCARD)
    public MessageBody logoutOthers(@Valid @NotNull(message = "A JSON body is required.") LogoutOthersRequest body) {
        boolean tokensToo = Boolean.TRUE.equals(body.tokens());
        int ended =
                accounts.logoutOthers(caller.ownerId(), caller.token().tokenId(), body.currentPassword(), tokensToo);
        return new MessageBody("Signed out everywhere else: " + ended
                + (tokensToo ? " sessions and tokens" : " sessions") + " ended.");
    }
}
