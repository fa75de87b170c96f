package org.integrationevidence.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.integrationevidence.http.ResponseFilterOrder;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Makes a 2xx answer to a write mean that the write is on the disk. The embedded H2 database keeps commits in memory
 * and writes them to its file in the background, and never asks the operating system to put the file on the disk
 * (no fsync at commit, whatever its settings): a crash of the process or of the machine could lose answered commits.
 * Before a write is answered, H2's {@code CHECKPOINT SYNC} writes every commit made so far to the file and forces
 * the file to the disk (an fsync). PostgreSQL syncs its log at every commit itself (synchronous_commit), so nothing
 * is done there.
 * <p>
 * Syncs are shared (group commit): one sync covers every commit made before it started, so a caller whose commit
 * came before a sync that is still running waits for the next one, and every caller waiting meanwhile shares that
 * next one. Concurrent writers thus pay one file write and fsync per group rather than one each. Timed as
 * {@code evidence_database_sync_seconds} (each caller's wait, by what asked for it) and counted as
 * {@code evidence_database_fsyncs_total} (the syncs actually made).
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
        CHANGE_FEED("change-feed"),
        /**
         * Before a webhook sender sends a batch: the messages planned, and the record of the batch before it, so that a
         * crash neither gives a change sent already a new webhook-id nor forgets more than one batch sent.
         */
        WEBHOOKS("webhooks");

        final String label;

        Trigger(String label) {
            this.label = label;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    /** Each caller's wait, by trigger; the meters are made once, not looked up at every write. */
    private final Map<Trigger, Timer> waits = new EnumMap<>(Trigger.class);
    private Counter fsyncs;

    /** Whether the database is H2, asked once: the kind is fixed when the service is built. */
    private volatile Boolean embedded;

    /** Guards the three counters below, and is what callers wait on. */
    private final Object group = new Object();
    /** Numbers the calls to {@link #sync}: a call's ticket is covered by any sync that starts after it was drawn. */
    private long ticketsDrawn;
    /** Every ticket up to this one is on the disk. */
    private long ticketsSynced;
    /** Whether a sync is running; at most one runs at a time, so later callers can join the next. */
    private boolean syncing;

    @PostConstruct
    void registerMeters() {
        for (Trigger trigger : Trigger.values()) {
            waits.put(trigger, Timer.builder("evidence.database.sync")
                    .description("Time a caller waited for the embedded database's file to reach the disk, by what asked")
                    .tag("trigger", trigger.label)
                    .register(registry));
        }
        fsyncs = Counter.builder("evidence.database.fsyncs")
                .description("Syncs of the embedded database's file to the disk, each covering one or more writes")
                .register(registry);
    }

    /** Forces what the database has committed to the disk, when the database does not do it at each commit. */
    public void sync(Trigger trigger) {
        if (!isEmbedded()) {
            return;
        }
        long started = System.nanoTime();
        long ticket;
        synchronized (group) {
            ticket = ++ticketsDrawn;
        }
        while (!awaitOrLead(ticket)) {
            // This caller leads: one sync for every ticket drawn so far, its own included.
            long covers;
            synchronized (group) {
                covers = ticketsDrawn;
            }
            boolean synced = false;
            try {
                checkpointSync();
                synced = true;
            } finally {
                synchronized (group) {
                    syncing = false;
                    if (synced) {
                        ticketsSynced = Math.max(ticketsSynced, covers);
                    }
                    // On failure, the waiters wake too: one of them leads the next attempt.
                    group.notifyAll();
                }
            }
        }
        waits.get(trigger).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /**
     * Waits until {@code ticket} is synced (true), or until no sync runs and this caller must start one (false,
     * with {@link #syncing} now set for it).
     */
    private boolean awaitOrLead(long ticket) {
        synchronized (group) {
            while (ticketsSynced < ticket) {
                if (!syncing) {
                    syncing = true;
                    return false;
                }
                try {
                    group.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the write to reach the disk", e);
                }
            }
            return true;
        }
    }

    private void checkpointSync() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            // The write is committed, but perhaps not on the disk: no 2xx may say it is.
            LOG.error("Could not force the database's file to the disk", e);
            throw new IllegalStateException("The database could not confirm that the write is on the disk", e);
        }
        fsyncs.increment();
    }

    private boolean isEmbedded() {
        Boolean known = embedded;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                LOG.error("Could not ask the database for its kind", e);
                throw new IllegalStateException("The database could not confirm that the write is on the disk", e);
            }
            embedded = known;
        }
        return known;
    }

    /** Registered as a response filter: runs for every response, and syncs only before a successful write's. */
    static class Filter {

        @Inject
        DurableWrites durableWrites;

        @ServerResponseFilter(priority = ResponseFilterOrder.SYNC_TO_DISK)
        public void syncBeforeAnsweringAWrite(ContainerRequestContext request, ContainerResponseContext response) {
            if (WRITES.contains(request.getMethod())
                    && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
                durableWrites.sync(Trigger.ANSWER);
            }
        }
    }
}
