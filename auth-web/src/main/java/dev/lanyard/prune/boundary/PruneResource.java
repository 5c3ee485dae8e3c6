package dev.lanyard.prune.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.OptionalInt;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Prunes expired tokens now: the same work as the pruning timer. */
@ApplicationScoped
@Path("admin/tokens/prune")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = LanyardApplication.BEARER)
public class PruneResource {

    public record Pruned(int pruned) {}

    @Inject
    Pruning pruning;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @RequireAbilities("admin")
    public Pruned prune(
            @QueryParam("hours")
                    @Pattern(regexp = "\\d{1,6}", message = "The hours field must be a non-negative integer.")
                    String hours) {
        return new Pruned(
                pruning.prune(hours == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(hours)), "manual"));
    }
}
