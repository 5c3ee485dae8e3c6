package dev.lanyard.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under {@code /api}. Payara honours {@code @RolesAllowed} only for roles declared here. */
@ApplicationPath("api")
@DeclareRoles({Roles.ADMIN, Roles.USER, Roles.CLIENT})
public class LanyardApplication extends Application {
}
