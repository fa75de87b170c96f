package org.integrationevidence.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Says at start, in one log line, what the database schema is: its version, when it was last migrated, and which
 * migrations this start applied. Flyway migrates while Quarkus starts, before
 * {@link org.integrationevidence.logging.JsonLogs} makes the console JSON, so in production its own information lines
 * are off (application.properties) and this line, written after, replaces them; Flyway's warnings and errors stay.
 * (A database with migrations this build does not know, from a newer build, never gets here: Flyway's validation
 * stops the start and names them.)
 */
@ApplicationScoped
public class SchemaVersionLog implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(SchemaVersionLog.class);

    /** Looked up when the line is written: Flyway is made with this customizer, so it cannot be injected into it. */
    @Inject
    Instance<Flyway> flyway;

    /** The migrations applied at this start, as "version (description)", noted by Flyway's callback. */
    private final List<String> appliedAtStart = new CopyOnWriteArrayList<>();

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] callbacks = Arrays.copyOf(configuration.getCallbacks(), configuration.getCallbacks().length + 1);
        callbacks[callbacks.length - 1] = new NoteAppliedMigrations();
        configuration.callbacks(callbacks); // replaces the list, so it keeps the others
    }

    /** Right after JsonLogs installs its formatter, so that in production this line is JSON too. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        MigrationInfo current = flyway.get().info().current();
        if (current == null) {
            LOG.warn("The database schema has no migration applied.");
            return;
        }
        LOG.infof("The database schema is at version %s, last migrated at %s; %s.", current.getVersion(),
                current.getInstalledOn().toInstant(), appliedAtStart.isEmpty() ? "no migration was needed at this start"
                        : "this start applied " + String.join(", ", appliedAtStart));
    }

    private final class NoteAppliedMigrations implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo migration = context.getMigrationInfo();
            appliedAtStart.add(migration.getVersion() + " (" + migration.getDescription() + ")");
        }

        @Override
        public String getCallbackName() {
            return "note applied migrations";
        }
    }
}
