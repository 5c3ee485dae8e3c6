package dev.lanyard.health;

import dev.lanyard.schema.boundary.SchemaMigrations;
import jakarta.ejb.EJBException;
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
        boolean answers;
        try {
            answers = migrations.databaseAnswers();
        } catch (EJBException e) {
            // Probes arrive while the EJB container is still starting: not ready, rather than a 500 from Payara.
            return HealthCheckResponse.named("lanyard-database")
                    .down()
                    .withData("starting", true)
                    .build();
        }
        boolean migrated = answers && migrations.ensureMigrated();
        return HealthCheckResponse.named("lanyard-database")
                .status(answers && migrated)
                .withData("reachable", answers)
                .withData("schema_current", migrated)
                .build();
    }
}
