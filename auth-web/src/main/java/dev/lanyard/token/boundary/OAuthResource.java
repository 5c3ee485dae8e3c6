package dev.lanyard.token.boundary;

import dev.lanyard.problem.Invalid;
import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.entity.PlainTextToken;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * OAuth 2.0 token introspection (RFC 7662) and revocation (RFC 7009), so resource servers in other stacks can
 * check and revoke Lanyard's tokens. Form-encoded, as the RFCs define them.
 */
@ApplicationScoped
@Path("oauth")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = LanyardApplication.BEARER)
public class OAuthResource {

    private static final String TOKEN_REQUIRED = "The token field is required.";
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    /** RFC 7662's answer; only {@code active} when the token is not. */
    @JsonbNillable(false)
    public record IntrospectionBody(
            boolean active,
            String scope,
            String sub,
            Long exp,
            Long iat,
            String tokenType,
            String clientId,
            String username) {

        static final IntrospectionBody INACTIVE =
                new IntrospectionBody(false, null, null, null, null, null, null, null);

        static IntrospectionBody of(Introspection token) {
            return new IntrospectionBody(
                    true,
                    String.join(" ", token.abilities()),
                    token.subject(),
                    token.expiresAt().map(Instant::getEpochSecond).orElse(null),
                    token.issuedAt().getEpochSecond(),
                    "Bearer",
                    token.clientId().orElse(null),
                    token.username().orElse(null));
        }
    }

    @EJB
    Tokens tokens;

    @Inject
    TokenAuthentication authentication;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("introspect")
    @RolesAllowed(Roles.CLIENT)
    @RequireAbilities("introspect")
    public Response introspect(Form form) {
        IntrospectionBody body = PlainTextToken.parse(token(form))
                .flatMap(authentication::introspect)
                .map(IntrospectionBody::of)
                .orElse(IntrospectionBody.INACTIVE);
        return Response.ok(body).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("revoke")
    @RolesAllowed({Roles.USER, Roles.CLIENT})
    public MessageBody revoke(Form form) {
        PlainTextToken.parse(token(form)).ifPresent(presented -> tokens.revokePresented(caller.token(), presented));
        return new MessageBody("Revocation processed.");
    }

    /**
     * The form's {@code token}, read from the whole form rather than by {@code @FormParam}, which fails on a
     * request without a media type: a body-less request has none (see {@code BodilessRequests}) and is the 422
     * of a missing token.
     */
    private static String token(Form form) {
        String token = form == null ? null : form.asMap().getFirst("token");
        if (token == null || token.isBlank()) {
            throw Invalid.field("token", TOKEN_REQUIRED);
        }
        return token;
    }
}
