package dev.lanyard.client.entity;

import dev.lanyard.token.entity.Roles;
import dev.lanyard.token.entity.TokenOwner;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/** A machine identity: owns client tokens, acts for no user, and so never reaches user-only endpoints. */
@Entity
@Table(name = "api_clients")
@DiscriminatorValue(ApiClient.KIND)
@NamedQuery(
        name = ApiClient.SEARCH,
        query = "SELECT c FROM ApiClient c WHERE LOWER(c.name) LIKE :pattern ORDER BY c.id")
@NamedQuery(name = ApiClient.COUNT_SEARCH, query = "SELECT COUNT(c) FROM ApiClient c WHERE LOWER(c.name) LIKE :pattern")
public class ApiClient extends TokenOwner {

    public static final String KIND = "client";
    /** The one group a client's tokens carry. */
    public static final String SEARCH = "ApiClient.search";

    public static final String COUNT_SEARCH = "ApiClient.countSearch";

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiClient() {}

    public ApiClient(String name, Instant createdAt) {
        this.name = Objects.requireNonNull(name, "name");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<String> groups() {
        return Set.of(Roles.CLIENT);
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
