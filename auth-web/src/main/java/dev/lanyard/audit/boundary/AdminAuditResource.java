package dev.lanyard.audit.boundary;

import dev.lanyard.audit.entity.AuditEvent;
import dev.lanyard.rest.Roles;
import dev.lanyard.security.RequireAbilities;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    public record EventView(long id, String type, String detail, Instant occurredAt) {
        static EventView of(AuditEvent event) {
            return new EventView(event.id(), event.type(), event.detail(), event.occurredAt());
        }
    }

    public record EventList(List<EventView> data) {
    }

    @EJB
    AuditTrail auditTrail;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @RequireAbilities("admin")
    public EventList recent(@QueryParam("limit") @DefaultValue("50") int limit) {
        return new EventList(auditTrail.recent(Math.min(Math.max(limit, 1), 100)).stream()
                .map(EventView::of)
                .toList());
    }
}
