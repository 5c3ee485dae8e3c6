package dev.lanyard.token.entity;

/** The roles (Jakarta Security groups) a token carries from its owner: one list for the code and its tests. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String CLIENT = "client";

    private Roles() {}
}
