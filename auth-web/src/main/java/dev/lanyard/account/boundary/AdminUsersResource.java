package dev.lanyard.account.boundary;

import dev.lanyard.account.entity.User;
import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.rest.OpenApiContract;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Users, for admins: a searchable list; disabling, signing out everywhere, and deletion, each ending every token
 * and session of the user.
 */
@ApplicationScoped
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RequireAbilities("admin")
@SecurityRequirement(name = LanyardApplication.BEARER)
public class AdminUsersResource {

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    @GET
    public Paged<AdminUserView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("search")
                    @Size(max = 255, message = "The search field must not be greater than 255 characters.")
                    String search) {
        return Paged.of(
                accounts.users(Optional.ofNullable(search).filter(s -> !s.isBlank()), page.toRequest()),
                AdminUserView::of);
    }

    /** A user as an admin sees them: whether they are disabled too. */
    public record AdminUserView(
            long id,
            String name,
            String email,
            List<String> roles,
            Instant emailVerifiedAt,
            Instant createdAt,
            Instant disabledAt) {

        static AdminUserView of(User user) {
            return new AdminUserView(
                    user.id(),
                    user.name(),
                    user.email(),
                    List.copyOf(user.roles()),
                    user.emailVerifiedAt(),
                    user.createdAt(),
                    user.disabledAt());
        }
    }

    public record ChangeUserRequest(
            @NotNull(message = "The disabled field is required.")
            Boolean disabled) {}

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The user; disabled, every token and session of theirs has"
                    + " ended and login fails as for a wrong password",
            content = @Content(schema = @Schema(implementation = AdminUserView.class)))
    @APIResponse(
            responseCode = "409",
            description = "An admin cannot disable their own account",
            content = @Content(schema = @Schema(ref = OpenApiContract.MESSAGE)))
    public AdminUserView change(
            @PathParam("id") long id, @Valid @NotNull(message = "A JSON body is required.") ChangeUserRequest body) {
        return AdminUserView.of(accounts.setDisabled(id, caller.ownerId(), body.disabled()));
    }

    @POST
    @Path("{id}/logout-everywhere")
    public MessageBody logoutEverywhere(@PathParam("id") long id) {
        int ended = accounts.logoutEverywhere(id);
        return new MessageBody("Signed out everywhere: " + ended + " tokens and sessions ended.");
    }

    @DELETE
    // Declaring one response replaces the generated ones, so the success is declared too.
    @APIResponse(
            responseCode = "200",
            description = "The user and all their tokens are gone",
            content = @Content(schema = @Schema(implementation = MessageBody.class)))
    @APIResponse(
            responseCode = "409",
            description = "An admin cannot delete their own account",
            content = @Content(schema = @Schema(ref = OpenApiContract.MESSAGE)))
    @Path("{id}")
    public MessageBody delete(@PathParam("id") long id) {
        accounts.deleteUser(id, caller.ownerId());
        return new MessageBody("User deleted; their tokens no longer work.");
    }
}
