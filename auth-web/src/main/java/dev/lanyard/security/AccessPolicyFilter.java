package dev.lanyard.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one place where access rules are enforced: what a resource method declares ({@code @RolesAllowed}) is
 * checked here against the caller the authentication mechanism established. No caller → 401, wrong caller → 403.
 * The 401's challenge is added by {@link dev.lanyard.rest.WebApplicationExceptionMapper}, whoever raised it.
 */
@Provider
// Ahead of any role check the runtime may register itself, so every refusal has this shape.
@Priority(Priorities.AUTHORIZATION - 100)
public class AccessPolicyFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<RolesAllowed> roles = declared(resource.getResourceMethod(), RolesAllowed.class);
        if (roles.isEmpty()) {
            return;
        }
        SecurityContext caller = request.getSecurityContext();
        if (caller.getUserPrincipal() == null) {
            throw new NotAuthorizedException(Response.status(Response.Status.UNAUTHORIZED).build());
        }
        if (Arrays.stream(roles.get().value()).noneMatch(caller::isUserInRole)) {
            throw new ForbiddenException();
        }
    }

    private static <A extends Annotation> Optional<A> declared(Method method, Class<A> type) {
        return Optional.ofNullable(method.getAnnotation(type))
                .or(() -> Optional.ofNullable(method.getDeclaringClass().getAnnotation(type)));
    }
}
