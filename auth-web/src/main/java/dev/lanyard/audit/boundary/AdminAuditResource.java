package dev.lanyard.audit.boundary;

import dev.lanyard.rest.LanyardApplication;
import dev.lanyard.rest.PageParams;
import dev.lanyard.rest.Paged;
import dev.lanyard.security.RequireAbilities;
import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The whole audit trail, for admins, optionally of one type or about one user. */
@ApplicationScoped
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = LanyardApplication.BEARER)
public class AdminAuditResource {

    @Inject
    AuditTrail auditTrail;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @RequireAbilities("admin")
    public Paged<AuditEventView> events(
            @Valid @BeanParam PageParams page,
            @QueryParam("type") String type,
            @QueryParam("user_id")
                    @Pattern(regexp = "[1-9][0-9]{0,17}", message = "The user id field must be a positive integer.")
                    String userId) {
        return Paged.of(
                auditTrail.find(
                        Optional.ofNullable(type), Optional.ofNullable(userId).map(Long::valueOf), page.toRequest()),
                AuditEventView::of);
    }
}
