package dev.lanyard.token.boundary;

import dev.lanyard.rest.MessageBody;
import dev.lanyard.rest.OpenApiContract;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Where anyone, a secret scanner above all, reports tokens found exposed, as to GitHub's credential revocation. */
@ApplicationScoped
@PermitAll
@Path("credentials")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {

    /** As many strings as GitHub's API takes in one call; each may be anything, a token or not. */
    public static final int MAX_CREDENTIALS = 1_000;

    public record RevokeRequest(
            @NotNull(message = "The credentials field is required.")
            @Schema(
                    type = SchemaType.ARRAY,
                    implementation = String.class,
                    minItems = 1,
                    maxItems = MAX_CREDENTIALS,
                    description = "Strings found exposed, tokens or not")
            @Size(
                    min = 1,
                    max = MAX_CREDENTIALS,
                    message = "The credentials field must list between 1 and 1000 strings.")
            List<String> credentials) {}

    @Inject
    ExposedTokens exposed;

    @POST
    @Path("revoke")
    @APIResponse(
            responseCode = "202",
            description = "The report was taken; the answer is the same whether any" + " string was a token",
            content = @Content(schema = @Schema(ref = OpenApiContract.MESSAGE)))
    @APIResponse(
            responseCode = "429",
            description = "Too many reports from this address; see Retry-After",
            content = @Content(schema = @Schema(ref = OpenApiContract.MESSAGE)))
    public Response revoke(@Valid @NotNull(message = "A JSON body is required.") RevokeRequest body) {
        exposed.report(body.credentials());
        return Response.accepted(new MessageBody(
                        "Thank you: every live token among the credentials is revoked and" + " its owner told."))
                .build();
    }
}
