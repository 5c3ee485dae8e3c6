package dev.lanyard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanyard.security.AccessRule.Verdict;
import dev.lanyard.token.boundary.AuthenticatedToken;
import dev.lanyard.token.entity.Abilities;
import dev.lanyard.token.entity.TokenOwner;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

    static class Resource {
        @PermitAll
        public void open() {}

        public void undeclared() {}

        @RolesAllowed("user")
        public void users() {}

        @RolesAllowed("admin")
        @RequireAbilities("admin")
        public void admins() {}

        @RequireAbilities({"read:posts", "create:posts"})
        public void allOf() {}

        @RequireAnyAbility({"read:posts", "read:inventory"})
        public void anyOf() {}
    }

    @RolesAllowed({"user", "client"})
    @RequireVerifiedEmail
    static class VerifiedOnly {
        public void inherited() {}
    }

    @RolesAllowed("user")
    static class UsersOnly {
        public void inherited() {}
    }

    @PermitAll
    static class Public {
        public void inherited() {}

        @RolesAllowed("user")
        public void own() {}
    }

    @Test
    void onlyPermitAllOpensAMethodToAnyone() throws Exception {
        assertThat(rule(Resource.class, "open").judge(Optional.empty(), false)).isEqualTo(Verdict.ALLOW);
        assertThat(rule(Public.class, "inherited").judge(Optional.empty(), false))
                .isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aMethodThatDeclaresNothingIsNotOpen() throws Exception {
        AccessRule rule = rule(Resource.class, "undeclared");

        assertThat(rule.isDeclared()).isFalse();
        assertThat(rule.judge(Optional.empty(), false)).isEqualTo(Verdict.UNAUTHENTICATED);
    }

    @Test
    void aMethodsOwnRolesOutrankItsClassesPermitAll() throws Exception {
        assertThat(rule(Public.class, "own").judge(Optional.empty(), false)).isEqualTo(Verdict.UNAUTHENTICATED);
    }

    @Test
    void declaredMethodsNeedACaller() throws Exception {
        for (String method : new String[] {"users", "admins", "allOf", "anyOf"}) {
            assertThat(rule(Resource.class, method).judge(Optional.empty(), false))
                    .as(method)
                    .isEqualTo(Verdict.UNAUTHENTICATED);
        }
    }

    @Test
    void rolesComeFromTheTokensGroups() throws Exception {
        assertThat(rule(Resource.class, "users").judge(caller(Set.of("user"), "*"), false))
                .isEqualTo(Verdict.ALLOW);
        assertThat(rule(Resource.class, "admins").judge(caller(Set.of("user"), "*"), false))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(rule(Resource.class, "admins").judge(caller(Set.of("user", "admin"), "*"), false))
                .isEqualTo(Verdict.ALLOW);
        assertThat(rule(Resource.class, "admins").judge(caller(Set.of("user", "admin"), "read:posts"), false))
                .isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void allOfNeedsEveryAbility() throws Exception {
        var rule = rule(Resource.class, "allOf");
        assertThat(rule.judge(caller(Set.of("user"), "read:posts"), false)).isEqualTo(Verdict.FORBIDDEN);
        assertThat(rule.judge(caller(Set.of("user"), "read:posts", "create:posts"), false))
                .isEqualTo(Verdict.ALLOW);
        assertThat(rule.judge(caller(Set.of("user"), "*"), false)).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void anyOfNeedsOneAbility() throws Exception {
        var rule = rule(Resource.class, "anyOf");
        assertThat(rule.judge(caller(Set.of("user"), "read:inventory"), false)).isEqualTo(Verdict.ALLOW);
        assertThat(rule.judge(caller(Set.of("user"), "create:posts"), false)).isEqualTo(Verdict.FORBIDDEN);
        assertThat(rule.judge(caller(Set.of("user"), "*"), false)).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aRefusalNamesTheAbilitiesTheTokenLacks() throws Exception {
        assertThat(rule(Resource.class, "allOf")
                        .missingAbilities(caller(Set.of("user"), "read:posts").orElseThrow()))
                .containsExactly("create:posts");
        assertThat(rule(Resource.class, "anyOf")
                        .missingAbilities(caller(Set.of("user"), "create:posts").orElseThrow()))
                .containsExactly("read:posts", "read:inventory");
        assertThat(rule(Resource.class, "admins")
                        .missingAbilities(caller(Set.of("user"), "*").orElseThrow()))
                .as("only a role is missing: no scope would help")
                .isEmpty();
    }

    @Test
    void aClassLevelDeclarationCoversItsMethods() throws Exception {
        assertThat(rule(UsersOnly.class, "inherited").judge(Optional.empty(), false))
                .isEqualTo(Verdict.UNAUTHENTICATED);
        assertThat(rule(UsersOnly.class, "inherited").judge(caller(Set.of("client"), "*"), false))
                .isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void anUnverifiedUserIsHeldBackOnlyWhereDeclaredAndOnlyWhenRequired() throws Exception {
        var unverified = caller(Set.of("user"), "*");
        var verified = caller(Set.of("user"), true, "*");
        var rule = rule(VerifiedOnly.class, "inherited");

        assertThat(rule.judge(unverified, true)).isEqualTo(Verdict.UNVERIFIED);
        assertThat(rule.judge(unverified, false)).isEqualTo(Verdict.ALLOW);
        assertThat(rule.judge(verified, true)).isEqualTo(Verdict.ALLOW);
        assertThat(rule(UsersOnly.class, "inherited").judge(unverified, true)).isEqualTo(Verdict.ALLOW);
        assertThat(rule.judge(Optional.empty(), true)).isEqualTo(Verdict.UNAUTHENTICATED);
    }

    private static AccessRule rule(Class<?> type, String method) throws NoSuchMethodException {
        return AccessRule.of(type.getMethod(method));
    }

    private static Optional<AuthenticatedToken> caller(Set<String> groups, String... abilities) {
        return caller(groups, false, abilities);
    }

    private static Optional<AuthenticatedToken> caller(Set<String> groups, boolean emailVerified, String... abilities) {
        TokenOwner owner = new TokenOwner() {
            @Override
            public String kind() {
                return "user";
            }

            @Override
            public Set<String> groups() {
                return groups;
            }

            @Override
            public boolean emailVerified() {
                return emailVerified;
            }
        };
        return Optional.of(new AuthenticatedToken(1, "t", null, null, owner, Abilities.of(abilities), false));
    }
}
