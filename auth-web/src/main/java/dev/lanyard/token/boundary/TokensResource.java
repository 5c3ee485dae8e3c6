package dev.lanyard.token.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireVerifiedEmail;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in user's personal access tokens. */
@ApplicationScoped
@Path("tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
@SecurityRequirement(name = LanyardApplication.BEARER)
public class TokensResource {

    public record CreateTokenRequest(
            @NotBlank(message = "The name field is required.")
            @Size(max = 255, message = "The name field must not be greater than 255 characters.")
            String name,

            List<String> abilities,
            Instant expiresAt) {}

    public record UpdateTokenRequest(
            @Pattern(regexp = ".*\\S.*", message = "The name field must not be empty.")
            @Size(max = 255, message = "The name field must not be greater than 255 characters.")
            String name,

            List<String> abilities) {}

    public record TokenList(List<TokenView> tokens) {}

    public record CreatedToken(TokenView token, String plainTextToken) {}

    @Inject
    Tokens tokens;

    @Inject
    TokenIssuer issuer;

    @Inject
    CurrentCaller caller;

    @GET
    public TokenList list() {
        long current = caller.token().tokenId();
        return new TokenList(tokens.ofOwner(caller.ownerId()).stream()
                .map(t -> TokenView.of(t, current))
                .toList());
    }

    @POST
    @RequireVerifiedEmail
    public Response create(
            @Valid @NotNull(message = "A JSON body is required.") CreateTokenRequest body, @Context UriInfo uri) {
        IssuedToken issued = issuer.create(
                caller.token(),
                body.name(),
                AbilitiesInput.of(body.abilities()),
                Optional.ofNullable(body.expiresAt()));
        TokenView view = TokenView.of(issued.token(), caller.token().tokenId());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(view.id()))
                        .build())
                .entity(new CreatedToken(view, issued.plainText()))
                .build();
    }

    @PATCH
    @Path("{id}")
    public TokenView update(
            @PathParam("id") long id, @Valid @NotNull(message = "A JSON body is required.") UpdateTokenRequest body) {
        return TokenView.of(
                tokens.update(
                        caller.token(), id, Optional.ofNullable(body.name()), AbilitiesInput.of(body.abilities())),
                caller.token().tokenId());
    }

    @DELETE
    @Path("{id}")
    public MessageBody revoke(@PathParam("id") long id) {
        tokens.revoke(caller.token(), id);
        return new MessageBody("Token revoked.");
    }
}
