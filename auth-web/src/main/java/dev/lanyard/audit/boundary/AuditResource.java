package dev.lanyard.audit.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.security.CurrentCaller;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in user's own audit events: their logins, failed logins, tokens created and revoked. */
@ApplicationScoped
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = LanyardApplication.BEARER)
public class AuditResource {

    @Inject
    AuditTrail auditTrail;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Roles.USER)
    public Paged<AuditEventView> own(@Valid @BeanParam PageParams page) {
        return Paged.of(
                auditTrail.find(Optional.empty(), Optional.of(caller.ownerId()), page.toRequest()), AuditEventView::of);
    }
}
