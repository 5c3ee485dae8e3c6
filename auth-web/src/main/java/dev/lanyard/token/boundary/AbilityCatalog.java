package dev.lanyard.token.boundary;

import dev.lanyard.token.entity.Roles;
import java.util.List;

/**
 * The abilities Lanyard's endpoints check, with the roles of the callers those endpoints admit: a token can hold
 * any ability string, but only these open anything here. {@code AbilityCatalogTest} keeps the list equal to
 * what the resource methods declare, so a new {@code @RequireAbilities} cannot go unlisted.
 */
public final class AbilityCatalog {

    /** One ability; {@code roles} are those whose tokens can use it (a user's "admin" needs the admin role). */
    public record Ability(String name, String description, List<String> roles) {}

    public static final List<Ability> ALL = List.of(
            new Ability("read:posts", "Read posts", List.of(Roles.USER)),
            new Ability("create:posts", "Write new posts", List.of(Roles.USER)),
            new Ability("update:posts", "Edit posts", List.of(Roles.USER)),
            new Ability("delete:posts", "Delete posts", List.of(Roles.USER)),
            new Ability("read:inventory", "Read the inventory", List.of(Roles.USER, Roles.CLIENT)),
            new Ability("introspect", "Ask whether a token is active (OAuth introspection)", List.of(Roles.CLIENT)),
            new Ability("admin", "Administer users, clients, tokens and the inventory", List.of(Roles.ADMIN)));

    private AbilityCatalog() {}
}
