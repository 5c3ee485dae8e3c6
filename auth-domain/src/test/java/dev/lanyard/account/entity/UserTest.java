package dev.lanyard.account.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.lanyard.token.entity.Roles;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

    private final User user = new User("Ann", "Ann@Example.com", "$2b$12$hash", Instant.EPOCH);

    @Test
    void aNewUserHasNoRolesButTheUserGroup() {
        assertThat(user.roles()).isEmpty();
        assertThat(user.groups()).containsExactly(Roles.USER);
    }

    @Test
    void grantedRolesJoinTheGroupsOnce() {
        user.grantRole("admin");
        user.grantRole("admin");

        assertThat(user.roles()).containsExactly("admin");
        assertThat(user.hasRole("admin")).isTrue();
        assertThat(user.groups()).containsExactly(Roles.USER, Roles.ADMIN);
    }

    @Test
    void roleNamesAreRestricted() {
        assertThatIllegalArgumentException().isThrownBy(() -> user.grantRole("Admin Role"));
        assertThatIllegalArgumentException().isThrownBy(() -> user.grantRole(""));
    }

    @Test
    void emailsCompareCaseInsensitively() {
        assertThat(User.normalizeEmail("  Ann@Example.COM ")).isEqualTo("ann@example.com");
    }
}
