package dev.lanyard.account.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.token.boundary.Tokens;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in user and their dashboard. */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
@SecurityRequirement(name = LanyardApplication.BEARER)
public class UserResource {

    public record Stats(long activeTokens) {}

    public record Dashboard(UserView user, Stats stats) {}

    @Inject
    Tokens tokens;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("user")
    public UserView user() {
        return UserView.of(caller.user());
    }

    @GET
    @Path("dashboard")
    public Dashboard dashboard() {
        return new Dashboard(user(), new Stats(tokens.countOfOwner(caller.ownerId())));
    }
}
