package dev.lanyard.it.support;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite's bootstrap admin (LANYARD_ADMIN_EMAIL / LANYARD_ADMIN_PASSWORD in the test deployment). */
public final class Admin {

    public static final String EMAIL = System.getenv("LANYARD_ADMIN_EMAIL");
    public static final String PASSWORD = System.getenv("LANYARD_ADMIN_PASSWORD");

    private Admin() {}

    /** A fresh token of the admin's, with every ability. */
    public static String token(Api api) {
        var login = api.post("api/login", Json.of("email", EMAIL, "password", PASSWORD))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().getString("token");
    }
}
