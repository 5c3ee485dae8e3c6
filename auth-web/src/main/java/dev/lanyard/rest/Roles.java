package dev.lanyard.rest;

/** The groups the authentication mechanism hands to the container. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String CLIENT = "client";

    private Roles() {
    }
}
