package dev.lanyard.health;

import dev.lanyard.schema.boundary.SchemaMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers and the schema is current; retries pending migrations. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    SchemaMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        boolean answers = migrations.databaseAnswers();
        boolean migrated = answers && migrations.ensureMigrated();
        return HealthCheckResponse.named("lanyard-database")
                .status(answers && migrated)
                .withData("reachable", answers)
                .withData("schema_current", migrated)
                .build();
    }
}
