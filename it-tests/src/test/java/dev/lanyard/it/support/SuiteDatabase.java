package dev.lanyard.it.support;

import dev.lanyard.devserver.Database;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One PostgreSQL for the whole test run: {@code LANYARD_TEST_DB_URL} (with {@code _USER}, {@code _PASSWORD}) when
 * set, otherwise an embedded one. Registered before Arquillian, so the server it starts is pointed at it.
 */
public class SuiteDatabase implements BeforeAllCallback {

    private static Database database;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SuiteDatabase.class, key -> open(), ClosingDatabase.class);
    }

    public static synchronized Database current() {
        if (database == null) {
            throw new IllegalStateException("SuiteDatabase has not started; extend the test with it");
        }
        return database;
    }

    /** The first column of the first row {@code sql} answers on the suite's database. */
    public static long number(String sql) throws SQLException {
        try (var connection = current().connect();
                var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Runs a statement that changes rows, for a test that must put data into a state the API cannot. */
    public static int update(String sql) throws SQLException {
        try (var connection = current().connect();
                var statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** The database's clock, which the server's timestamps are compared with. */
    public static Instant now() throws SQLException {
        try (var connection = current().connect();
                var rows = connection.createStatement().executeQuery("SELECT now()")) {
            rows.next();
            return rows.getTimestamp(1).toInstant();
        }
    }

    private static synchronized ClosingDatabase open() {
        database = Database.fromEnvironmentOrEmbedded("LANYARD_TEST_DB", Optional.empty());
        MicroOptions.add(database.asSystemProperties().stream()
                .map(option -> option.replace(" ", "\\ "))
                .toArray(String[]::new));
        return new ClosingDatabase(database);
    }

    record ClosingDatabase(Database database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            database.close();
        }
    }
}
