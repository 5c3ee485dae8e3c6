package dev.lanyard.rest;

import dev.lanyard.token.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JSON API under {@code /api}. Payara honours {@code @RolesAllowed} only for roles declared here. Resources
 * that need a caller say so to the OpenAPI document with {@code @SecurityRequirement(name = BEARER)}.
 */
@ApplicationPath("api")
@DeclareRoles({Roles.ADMIN, Roles.USER, Roles.CLIENT})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Lanyard",
                        version = "0.1.0",
                        description = "API-token authentication for Jakarta EE, in the spirit of Laravel Sanctum"))
@SecurityScheme(
        securitySchemeName = LanyardApplication.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "A personal access token or client token, {id}|{secret}, as issued by Lanyard")
public class LanyardApplication extends Application {

    public static final String BEARER = "bearer";
}
