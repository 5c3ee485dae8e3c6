package dev.lanyard.account.boundary;

import dev.lanyard.account.control.LoginKeys;
import dev.lanyard.problem.TooManyAttempts;
import dev.lanyard.security.ClientOrigins;
import dev.lanyard.throttle.control.LockedKeys;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Turns a login away before its body is read when this node already knows its address to be past
 * {@code lanyard.login.max-attempts-per-address}: during a flood of logins for ever new emails, each one then costs
 * little more than its HTTP request. The database still decides when an address locks ({@link Accounts#login});
 * this only remembers that answer until the window ends.
 */
@Provider
@PreMatching
public class LockedOutLogins implements ContainerRequestFilter {

    private static final Set<String> LOGINS = Set.of("login", "spa/login");

    @Inject
    LockedKeys locked;

    @Inject
    ClientOrigins clients;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!HttpMethod.POST.equals(context.getMethod())
                || !isLogin(context.getUriInfo().getPath())) {
            return;
        }
        var left = locked.secondsLeft(LoginKeys.perAddress(clients.of(request).address()));
        if (left.isPresent()) {
            throw new TooManyAttempts(left.getAsLong());
        }
    }

    private static boolean isLogin(String path) {
        return LOGINS.contains(path.startsWith("/") ? path.substring(1) : path);
    }
}
