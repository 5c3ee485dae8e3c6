package dev.lanyard.token.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.token.boundary.AbilityCatalog.Ability;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The abilities a token can be given, so that a client (the web UI among them) need not keep its own list. */
@ApplicationScoped
@Path("abilities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.CLIENT})
@SecurityRequirement(name = LanyardApplication.BEARER)
public class AbilitiesResource {

    public record AbilityList(List<Ability> abilities) {}

    @GET
    public AbilityList list() {
        return new AbilityList(AbilityCatalog.ALL);
    }
}
