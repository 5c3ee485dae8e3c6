package dev.lanyard.security;

import dev.lanyard.problem.Forbidden;
import dev.lanyard.token.boundary.AuthenticatedToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place where access rules are enforced: what a resource method declares ({@code @RolesAllowed},
 * {@link RequireAbilities}, {@link RequireAnyAbility}, {@link RequireVerifiedEmail}) is checked against the token
 * the authentication mechanism established. No caller → 401, wrong caller → 403. The 401's challenge is added by
 * {@link dev.lanyard.rest.WebApplicationExceptionMapper}, whoever raised it.
 */
@Provider
// Ahead of any role check the runtime may register itself, so every refusal has this shape.
@Priority(Priorities.AUTHORIZATION - 100)
public class AccessPolicyFilter implements ContainerRequestFilter {

    // Read once per resource method rather than by reflection on every request.
    private static final Map<Method, AccessRule> RULES = new ConcurrentHashMap<>();

    static final String UNVERIFIED = "Your email address is not verified.";

    @Context
    ResourceInfo resource;

    @Inject
    @ConfigProperty(name = "lanyard.require-verified-email", defaultValue = "false")
    boolean verifiedEmailRequired;

    @Override
    public void filter(ContainerRequestContext request) {
        AccessRule rule = RULES.computeIfAbsent(resource.getResourceMethod(), AccessRule::of);
        Optional<AuthenticatedToken> caller = CurrentCaller.find(request.getProperty(CurrentCaller.ATTRIBUTE));
        switch (rule.judge(caller, verifiedEmailRequired)) {
            case ALLOW -> {}
            case UNAUTHENTICATED -> {
                if (request.getProperty(CurrentCaller.STORE_UNAVAILABLE) != null) {
                    throw new ServiceUnavailableException();
                }
                throw new Unauthorized();
            }
            case FORBIDDEN -> throw new ForbiddenException(refusal(rule.missingAbilities(caller.orElseThrow())));
            case UNVERIFIED -> throw new Forbidden(UNVERIFIED);
        }
    }

    /** A 403 that names the abilities a token lacks, so that a client can ask its user for a broader one. */
    private static Response refusal(List<String> missingAbilities) {
        var response = Response.status(Response.Status.FORBIDDEN);
        if (!missingAbilities.isEmpty()) {
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_scope\", scope=\"" + String.join(" ", missingAbilities) + "\"");
        }
        return response.build();
    }
}
