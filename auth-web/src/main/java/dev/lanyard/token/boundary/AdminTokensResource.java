package dev.lanyard.token.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.entity.AccessToken;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Every token of every owner, for admins: list, and revoke any. */
@ApplicationScoped
@Path("admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RequireAbilities("admin")
@SecurityRequirement(name = LanyardApplication.BEARER)
public class AdminTokensResource {

    public record OwnedTokenView(
            long id,
            String name,
            String ownerKind,
            long ownerId,
            List<String> abilities,
            Instant lastUsedAt,
            Instant createdAt,
            Instant expiresAt) {
        static OwnedTokenView of(AccessToken token) {
            return new OwnedTokenView(
                    token.id(),
                    token.name(),
                    token.owner().kind(),
                    token.owner().id(),
                    token.abilities().asList(),
                    token.lastUsedAt(),
                    token.createdAt(),
                    token.expiresAt());
        }
    }

    @Inject
    Tokens tokens;

    @GET
    public Paged<OwnedTokenView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("owner_id")
                    @Pattern(regexp = "[1-9][0-9]{0,17}", message = "The owner id field must be a positive integer.")
                    String ownerId) {
        return Paged.of(
                tokens.all(Optional.ofNullable(ownerId).map(Long::valueOf), page.toRequest()), OwnedTokenView::of);
    }

    @DELETE
    @Path("{id}")
    public MessageBody revoke(@PathParam("id") long id) {
        tokens.revokeAny(id);
        return new MessageBody("Token revoked.");
    }
}
