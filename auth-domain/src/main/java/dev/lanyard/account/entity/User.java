package dev.lanyard.account.entity;

import dev.lanyard.token.entity.Roles;
import dev.lanyard.token.entity.TokenOwner;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A person with a password, who owns personal access tokens. */
@Entity
@Table(name = "users")
@DiscriminatorValue(User.KIND)
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE LOWER(u.email) = :email")
@NamedQuery(
        name = User.SEARCH,
        query = "SELECT u FROM User u WHERE LOWER(u.email) LIKE :pattern"
                + " OR LOWER(u.name) LIKE :pattern ORDER BY u.id")
@NamedQuery(
        name = User.COUNT_SEARCH,
        query = "SELECT COUNT(u) FROM User u WHERE LOWER(u.email) LIKE :pattern" + " OR LOWER(u.name) LIKE :pattern")
public class User extends TokenOwner {

    public static final String KIND = "user";
    public static final String BY_EMAIL = "User.byEmail";
    public static final String SEARCH = "User.search";
    public static final String COUNT_SEARCH = "User.countSearch";
    /** The group every user's token carries, beside the user's own roles. */
    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String roles = "";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    protected User() {}

    public User(String name, String email, String passwordHash, Instant createdAt) {
        this.name = Objects.requireNonNull(name, "name");
        this.email = Objects.requireNonNull(email, "email");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        // PostgreSQL keeps microseconds; the object answers what a reload would.
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    }

    /** How emails are compared: case-insensitively, as the unique index does. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Long auditedUserId() {
        return id();
    }

    @Override
    public Set<String> groups() {
        var groups = new LinkedHashSet<String>();
        groups.add(Roles.USER);
        groups.addAll(roles());
        return groups;
    }

    public Set<String> roles() {
        return roles.isBlank()
                ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(roles.trim().split(" ")));
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public void grantRole(String role) {
        if (!role.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("Invalid role: " + role);
        }
        var granted = new LinkedHashSet<>(roles());
        granted.add(role);
        roles = String.join(" ", granted);
    }

    @Override
    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    /** Records that the user proved they read mail at their address; the first proof counts. */
    public void markEmailVerified(Instant at) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        }
    }

    /** Disabled, a user cannot sign in and no token of theirs authenticates; the first disabling counts. */
    public void disable(Instant at) {
        if (disabledAt == null) {
            disabledAt = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        }
    }

    public void enable() {
        disabledAt = null;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant emailVerifiedAt() {
        return emailVerifiedAt;
    }
}
