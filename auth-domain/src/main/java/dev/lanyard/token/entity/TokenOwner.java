package dev.lanyard.token.entity;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.util.Set;

/** Anything that can own access tokens: a user, or (later) an API client acting for no user. */
@Entity
@Table(name = "token_owners")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "kind", length = 16)
public abstract class TokenOwner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    public Long id() {
        return id;
    }

    /** The kind of owner, as stored: {@code user}, ... */
    public abstract String kind();

    /** The groups (roles) the owner's tokens carry. */
    public abstract Set<String> groups();

    /** The user that audit events about this owner's tokens name: the owner when a user, none for an API client. */
    public Long auditedUserId() {
        return null;
    }

    /** Whether the owner's email address is verified; an owner without one (an API client) never needs to be. */
    public boolean emailVerified() {
        return true;
    }
}
