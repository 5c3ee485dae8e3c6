package dev.lanyard.status.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A public endpoint that proves the API answers; the reference point for the benchmarks. */
@ApplicationScoped
@PermitAll
@Path("ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    public record Pong(String status) {}

    @GET
    public Pong ping() {
        return new Pong("ok");
    }
}
