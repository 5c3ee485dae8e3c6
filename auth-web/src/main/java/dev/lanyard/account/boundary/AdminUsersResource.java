package dev.lanyard.account.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.rest.OpenApiContract;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.rest.Roles;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireAbilities;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Users, for admins: a searchable list, and deletion with every token of the user. */
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
    public Paged<UserView> list(@Valid @BeanParam PageParams page, @QueryParam("search")
            @Size(max = 255, message = "The search field must not be greater than 255 characters.") String search) {
        return Paged.of(accounts.users(Optional.ofNullable(search).filter(s -> !s.isBlank()), page.toRequest()),
                UserView::of);
    }

    @DELETE
    // Declaring one response replaces the generated ones, so the success is declared too.
    @APIResponse(responseCode = "200", description = "The user and all their tokens are gone",
            content = @Content(schema = @Schema(implementation = MessageBody.class)))
    @APIResponse(responseCode = "409", description = "An admin cannot delete their own account",
            content = @Content(schema = @Schema(ref = OpenApiContract.MESSAGE)))
    @Path("{id}")
    public MessageBody delete(@PathParam("id") long id) {
        accounts.deleteUser(id, caller.ownerId());
        return new MessageBody("User deleted; their tokens no longer work.");
    }
}
