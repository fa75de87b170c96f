package org.integrationevidence.operations;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.logging.Logger;

/**
 * Says at start, in one log line, what the database schema is: its version and when it was last migrated. In
 * production Flyway's own lines are off (application.properties): Flyway migrates while Quarkus starts, before
 * {@link org.integrationevidence.common.JsonLogs} makes the console JSON, so its lines were the only ones of a
 * production log that were not JSON. (A database with migrations this build does not know, from a newer build, never
 * gets here: Flyway's validation stops the start and names them.)
 */
@ApplicationScoped
public class SchemaVersionLog {

    private static final Logger LOG = Logger.getLogger(SchemaVersionLog.class);

    @Inject
    Flyway flyway;

    /** Right after JsonLogs installs its formatter, so that in production this line is JSON too. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        MigrationInfoService migrations = flyway.info();
        MigrationInfo current = migrations.current();
        if (current == null) {
            LOG.warn("The database schema has no migration applied.");
            return;
        }
        LOG.infof("The database schema is at version %s, last migrated at %s; %d migrations pending.",
                current.getVersion(), current.getInstalledOn().toInstant(), migrations.pending().length);
    }
}
