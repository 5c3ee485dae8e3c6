package dev.lanyard.schema.boundary;

import dev.lanyard.account.boundary.AdminBootstrap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the Flyway migrations shipped in auth-domain, and defines the datasource.
 *
 * <p>A database that is down or refuses the credentials must not fail the deployment: the server
 * stays up, reports itself not ready, and retries every few seconds, migrating as soon as the database answers.
 *
 * <p>The datasource is a {@code @DataSourceDefinition} rather than an application-scoped
 * {@code glassfish-resources.xml}: Payara lists the pools of such a file, named {@code java:app/...}, among its
 * connection-pool metrics, and its {@code /metrics} endpoint then fails on the {@code /} in the name. Connection
 * settings come from MicroProfile Config. While the database is down every request must answer 503 within 5 s:
 * a request may wait 1 s for a pooled connection and then spend at most 2 s opening one ({@code loginTimeout}
 * bounds the whole connect and login, {@code connectTimeout} the TCP connect), so the two stay well below that
 * even with EclipseLink's one retry or a log slowed by the outage's errors (the pool's 32 connections outnumber
 * the 16 request threads, so in service no request waits for one); validation and failing all connections let the pool recover by itself when it returns;
 * validating at most every 30 s, not on every checkout, saves a round trip per transaction. No pool statement
 * cache: Payara fails to build one for a defined datasource (a SEVERE line per connection), and the PostgreSQL
 * driver already keeps its prepared statements per connection.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/lanyard",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=lanyard.db.url}",
        user = "${MPCONFIG=lanyard.db.user}",
        password = "${MPCONFIG=lanyard.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.pool-resize-quantity=2",
            "fish.payara.max-wait-time-in-millis=1000",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.validate-atmost-once-period-in-seconds=30",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.fail-all-connections=true",
            "connectTimeout=2",
            "loginTimeout=2",
            "ApplicationName=lanyard"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    private static final long RETRY_INTERVAL_MILLIS = 5_000;

    @Resource(lookup = "java:app/jdbc/lanyard")
    DataSource dataSource;

    private boolean migrated;
    private String lastProblem;

    @Resource
    TimerService timerService;

    @EJB
    AdminBootstrap adminBootstrap;

    @PostConstruct
    void migrateAtStartup() {
        if (!ensureMigrated()) {
            timerService.createIntervalTimer(
                    RETRY_INTERVAL_MILLIS,
                    RETRY_INTERVAL_MILLIS,
                    new TimerConfig("lanyard-schema-migration-retry", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (ensureMigrated()) {
            timer.cancel();
        }
    }

    /** Migrates unless already done; answers whether the schema is current. */
    public boolean ensureMigrated() {
        if (migrated) {
            return true;
        }
        try {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    // Features are built on branches side by side; a database that already has a later
                    // version still takes an earlier one merged after it. Each migration stands alone.
                    .outOfOrder(true)
                    .load()
                    .migrate();
            adminBootstrap.ensureAdmin();
            migrated = true;
            lastProblem = null;
            LOG.log(Level.INFO, "Database schema is current at version {0} ({1} migrations applied now)", new Object[] {
                result.targetSchemaVersion, result.migrationsExecuted
            });
        } catch (RuntimeException e) {
            reportOnce(DatabaseProblem.describe(e));
        }
        return migrated;
    }

    /** Runs a trivial query, so readiness reflects the database as it is now. */
    public boolean databaseAnswers() {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            reportOnce(DatabaseProblem.describe(e));
            return false;
        }
    }

    // One line per distinct problem: a database that stays down must not flood the log.
    private void reportOnce(String problem) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            LOG.severe(problem);
        }
    }
}
