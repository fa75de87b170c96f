package org.integrationevidence.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Makes a 2xx answer to a write mean that the write is on the disk. The embedded H2 database writes each commit to
 * its file before the commit returns (WRITE_DELAY=0 in the JDBC URL, see application.properties), so a crash of this
 * process cannot lose it; but H2 never asks the operating system to put the file on the disk (no fsync at commit,
 * whatever its settings), so a crash of the machine or a power cut could still lose commits that were answered.
 * Before a write is answered, H2's {@code CHECKPOINT SYNC} forces the file to the disk (an fsync): one per answered
 * write, well under a millisecond on an SSD. PostgreSQL syncs its log at every commit itself (synchronous_commit),
 * so nothing is done there. Timed as {@code evidence_database_sync_seconds}, by what asked for the sync.
 */
@ApplicationScoped
public class DurableWrites {

    private static final Logger LOG = Logger.getLogger(DurableWrites.class);
    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    /** What asked for a sync, the metric's {@code trigger} label. */
    public enum Trigger {
        /** A write about to be answered with a 2xx. */
        ANSWER("answer"),
        /** Positions the change feed gave, before readers can see them (changes.ChangeSequencer). */
        CHANGE_FEED("change-feed");

        final String label;

        Trigger(String label) {
            this.label = label;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    /** Whether the database is H2, asked once: the kind is fixed when the service is built. */
    private volatile Boolean embedded;

    /** Forces what the database has committed to the disk, when the database does not do it at each commit. */
    public void sync(Trigger trigger) {
        if (Boolean.FALSE.equals(embedded)) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (embedded == null) {
                embedded = "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
                if (!embedded) {
                    return;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        } catch (SQLException e) {
            // The write is committed, but perhaps not on the disk: no 2xx may say it is.
            LOG.error("Could not force the database's file to the disk", e);
            throw new IllegalStateException("The database could not confirm that the write is on the disk", e);
        }
        Timer.builder("evidence.database.sync")
                .description("Time to force the embedded database's file to the disk (an fsync), by what asked for it")
                .tag("trigger", trigger.label)
                .register(registry)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Registered as a response filter: runs for every response, and syncs only before a successful write's. */
    static class Filter {

        @Inject
        DurableWrites durableWrites;

        @ServerResponseFilter
        public void syncBeforeAnsweringAWrite(ContainerRequestContext request, ContainerResponseContext response) {
            if (WRITES.contains(request.getMethod())
                    && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
                durableWrites.sync(Trigger.ANSWER);
            }
        }
    }
}
