package dev.lanyard.account.boundary;

import dev.lanyard.rest.MessageBody;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.rest.Roles;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireAbilities;
import jakarta.annotation.security.RolesAllowed;
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

/** Users, for admins: a searchable list, and deletion with every token of the user. */
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RequireAbilities("admin")
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
    @Path("{id}")
    public MessageBody delete(@PathParam("id") long id) {
        accounts.deleteUser(id, caller.ownerId());
        return new MessageBody("User deleted; their tokens no longer work.");
    }
}
