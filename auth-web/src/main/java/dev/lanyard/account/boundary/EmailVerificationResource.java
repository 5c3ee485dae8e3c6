package dev.lanyard.account.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.MessageBody;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed verification link, and asking for a new one. */
@ApplicationScoped
@Path("email")
@Produces(MediaType.APPLICATION_JSON)
public class EmailVerificationResource {

    @Inject
    EmailVerification verification;

    @Inject
    CurrentCaller caller;

    @SecurityRequirement(name = LanyardApplication.BEARER)
    @POST
    @Path("verification-notification")
    @RolesAllowed(Roles.USER)
    public Response resend() {
        if (!verification.resend(caller.ownerId())) {
            return Response.ok(new MessageBody("Your email address is already verified."))
                    .build();
        }
        return Response.accepted(new MessageBody("A new verification link has been sent to your email address."))
                .build();
    }

    /** Open to anyone holding the link: the signature is the credential. */
    @PermitAll
    @GET
    @Path("verify/{id}/{hash}")
    public MessageBody verify(
            @PathParam("id") long id,
            @PathParam("hash") String hash,
            @QueryParam("expires") String expires,
            @QueryParam("signature") String signature) {
        verification.verify(id, hash, expires, signature);
        return new MessageBody("Your email address is verified.");
    }
}
