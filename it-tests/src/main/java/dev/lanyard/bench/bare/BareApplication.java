package dev.lanyard.bench.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * The platform's own cost of a request, deployed beside Lanyard in the same Payara Micro: {@code GET
 * /bare/api/ping} answers what Lanyard's {@code /api/ping} answers, with no filter, no CDI bean and no
 * descriptor of its own, so whatever it costs is Payara's per-request work on the Micro's settings.
 */
@ApplicationPath("api")
public class BareApplication extends Application {

    @Path("ping")
    public static class Ping {

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String ping() {
            return "{\"status\":\"ok\"}";
        }
    }
}
