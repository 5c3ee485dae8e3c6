package dev.lanyard.client.boundary;

import dev.lanyard.client.entity.ApiClient;
import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.boundary.AbilitiesInput;
import dev.lanyard.token.boundary.IssuedToken;
import dev.lanyard.token.boundary.TokenView;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** API clients: admins create them, list them, give them further tokens and delete them. */
@ApplicationScoped
@Path("admin/clients")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@RequireAbilities("admin")
@SecurityRequirement(name = LanyardApplication.BEARER)
public class AdminClientsResource {

    public record CreateClientRequest(
            @NotBlank(message = "The name field is required.")
            @Size(max = 255, message = "The name field must not be greater than 255 characters.")
            String name,

            List<String> abilities) {}

    public record ClientTokenRequest(
            @Size(min = 1, max = 255, message = "The name field must be between 1 and 255 characters.")
            String name,

            List<String> abilities,
            Instant expiresAt) {}

    public record ClientView(long id, String name, Instant createdAt, long tokens) {}

    public record CreatedClient(ClientView client, String token) {}

    public record IssuedClientToken(TokenView token, String plainTextToken) {}

    @Inject
    Clients clients;

    @GET
    public Paged<ClientView> list(
            @Valid @BeanParam PageParams page,
            @QueryParam("search")
                    @Size(max = 255, message = "The search field must not be greater than 255 characters.")
                    String search) {
        return Paged.of(
                clients.all(Optional.ofNullable(search).filter(s -> !s.isBlank()), page.toRequest()), this::view);
    }

    @POST
    public Response create(
            @Valid @NotNull(message = "A JSON body is required.") CreateClientRequest body, @Context UriInfo uri) {
        var created = clients.create(body.name(), AbilitiesInput.of(body.abilities()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.client().id()))
                        .build())
                .entity(new CreatedClient(
                        view(created.client()), created.token().plainText()))
                .build();
    }

    @DELETE
    @Path("{id}")
    public MessageBody delete(@PathParam("id") long id) {
        clients.delete(id);
        return new MessageBody("Client deleted; its tokens no longer work.");
    }

    @POST
    @Path("{id}/tokens")
    public Response issueToken(@PathParam("id") long id, @Valid ClientTokenRequest body, @Context UriInfo uri) {
        var request = Optional.ofNullable(body);
        IssuedToken issued = clients.issueToken(
                id,
                request.map(ClientTokenRequest::name).orElse("rotated " + Instant.now()),
                AbilitiesInput.of(request.map(ClientTokenRequest::abilities).orElse(null)),
                request.map(ClientTokenRequest::expiresAt));
        return Response.created(uri.getBaseUriBuilder()
                        .path("admin/tokens")
                        .path(String.valueOf(issued.token().id()))
                        .build())
                .entity(new IssuedClientToken(TokenView.of(issued.token(), -1), issued.plainText()))
                .build();
    }

    private ClientView view(ApiClient client) {
        return new ClientView(client.id(), client.name(), client.createdAt(), clients.tokenCount(client.id()));
    }
}
