package dev.lanyard.security;

import dev.lanyard.token.boundary.AuthenticatedToken;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a resource method declares about its callers, and the verdict for one caller. A method is open only when
 * it, or its class, says {@code @PermitAll}; one that declares nothing needs a caller, so no endpoint is open by
 * accident ({@code AccessDeclarationTest} keeps every method declared).
 */
record AccessRule(
        boolean open, List<String> roles, List<String> allAbilities, List<String> anyAbilities, boolean verifiedEmail) {

    enum Verdict {
        ALLOW,
        UNAUTHENTICATED,
        FORBIDDEN,
        UNVERIFIED
    }

    static AccessRule of(Method method) {
        return new AccessRule(
                permitsAll(method),
                declared(method, RolesAllowed.class)
                        .map(a -> List.of(a.value()))
                        .orElse(List.of()),
                declared(method, RequireAbilities.class)
                        .map(a -> List.of(a.value()))
                        .orElse(List.of()),
                declared(method, RequireAnyAbility.class)
                        .map(a -> List.of(a.value()))
                        .orElse(List.of()),
                declared(method, RequireVerifiedEmail.class).isPresent());
    }

    boolean needsCaller() {
        return !open;
    }

    /** Whether the method says who may call it: anyone ({@code @PermitAll}) or holders of roles. */
    boolean isDeclared() {
        return open || !roles.isEmpty();
    }

    Verdict judge(Optional<AuthenticatedToken> caller, boolean verifiedEmailRequired) {
        if (!needsCaller()) {
            return Verdict.ALLOW;
        }
        if (caller.isEmpty()) {
            return Verdict.UNAUTHENTICATED;
        }
        AuthenticatedToken token = caller.get();
        boolean roleOk = roles.isEmpty() || roles.stream().anyMatch(token.groups()::contains);
        boolean allOk = token.abilities().canAll(allAbilities);
        boolean anyOk = anyAbilities.isEmpty() || token.abilities().canAny(anyAbilities);
        if (!(roleOk && allOk && anyOk)) {
            return Verdict.FORBIDDEN;
        }
        return verifiedEmailRequired && verifiedEmail && !token.emailVerified() ? Verdict.UNVERIFIED : Verdict.ALLOW;
    }

    /**
     * The abilities the caller lacks for a method it was refused (RFC 6750's {@code insufficient_scope}): each
     * required one it does not have, or every alternative when it has none of them; empty when only a role is
     * missing.
     */
    List<String> missingAbilities(AuthenticatedToken token) {
        List<String> missing = new ArrayList<>(
                allAbilities.stream().filter(ability -> !token.can(ability)).toList());
        if (!anyAbilities.isEmpty() && !token.abilities().canAny(anyAbilities)) {
            missing.addAll(anyAbilities);
        }
        return missing;
    }

    /** As JSR 250 has it: the method's own {@code @RolesAllowed} outranks its class's {@code @PermitAll}. */
    private static boolean permitsAll(Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        return method.getDeclaringClass().isAnnotationPresent(PermitAll.class)
                && !method.isAnnotationPresent(RolesAllowed.class);
    }

    private static <A extends Annotation> Optional<A> declared(Method method, Class<A> type) {
        return Optional.ofNullable(method.getAnnotation(type))
                .or(() -> Optional.ofNullable(method.getDeclaringClass().getAnnotation(type)));
    }
}
