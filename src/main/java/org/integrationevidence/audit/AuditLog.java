package org.integrationevidence.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.web.RouteOrder;
import org.jboss.logging.Logger;

/**
 * Writes the audit log: every write, every request made with a key, and every refused key. Requests are noted
 * when their response ends (so the status is known, refusals by the security layer included) and written by one
 * background thread in batches, so that auditing never adds a database write to a request's own time.
 */
@ApplicationScoped
class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final int BATCH = 500;
    static final int MAX_PATH_LENGTH = 500;
    static final int MAX_ADDRESS_LENGTH = 100;
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Duration DRAIN_ON_SHUTDOWN = Duration.ofSeconds(5);

    @Inject
    EvidenceConfig config;

    @Inject
    EntityManager entityManager;

    private BlockingQueue<AuditEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Thread writer;
    private Instant nextPurge = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        queue = new ArrayBlockingQueue<>(config.audit().queueCapacity());
        running = true;
        writer = new Thread(this::writeUntilStopped, "audit-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Lets the writer finish what is queued, so that a clean shutdown loses no event. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(DRAIN_ON_SHUTDOWN.toMillis());
        }
    }

    /** Before the edge checks, the body limit and the rate limits, so that their refusals are noted too. */
    void register(@Observes Router router) {
        router.route().order(RouteOrder.LOGS).handler(context -> {
            context.addEndHandler(ignored -> note(context));
            context.next();
        });
    }

    private void note(RoutingContext context) {
        BlockingQueue<AuditEvent> events = queue;
        if (events == null) {
            return; // a request answered before startup completed
        }
        KeyHolder holder = context.user() instanceof QuarkusHttpUser user ? KeyHolder.of(user.getSecurityIdentity()) : null;
        HttpMethod method = context.request().method();
        int status = context.response().getStatusCode();
        AuditKind kind;
        if (holder == null && status == 401 && context.request().headers().contains(HttpHeaderNames.AUTHORIZATION)) {
            kind = AuditKind.REFUSED_KEY;
        } else if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            kind = AuditKind.WRITE;
        } else if (holder != null) {
            kind = AuditKind.READ;
        } else {
            return;
        }
        AuditEvent event = new AuditEvent();
        event.occurredAt = Timestamps.now();
        event.kind = kind;
        // Any token is a method to HTTP; the column keeps the standard ones, and those are all one writes with.
        event.method = KNOWN_METHODS.contains(method.name()) ? method.name() : "OTHER";
        String path = context.request().path();
        event.path = truncate(path, MAX_PATH_LENGTH);
        event.status = status;
        if (holder != null) {
            event.keyId = holder.keyId();
            event.keyName = holder.keyName();
            event.keyOwner = holder.owner();
            event.keyRole = holder.role();
        }
        SocketAddress address = context.request().remoteAddress();
        event.clientAddress = address == null || address.hostAddress() == null ? "unknown"
                : truncate(address.hostAddress(), MAX_ADDRESS_LENGTH);
        if (!events.offer(event) && dropped.getAndIncrement() % 1000 == 0) {
            LOG.warnf("The audit log is %d events behind; dropped %d events so far", events.size(), dropped.get());
        }
    }

    private void writeUntilStopped() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                    batch.clear();
                }
                purgeIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                writeOneByOne(batch, e);
                batch.clear();
            }
        }
    }

    private void write(List<AuditEvent> batch) {
        QuarkusTransaction.requiringNew().run(() -> batch.forEach(entityManager::persist));
    }

    /** A batch was refused: one bad event must not take the others with it, so each is tried on its own. */
    private void writeOneByOne(List<AuditEvent> batch, RuntimeException batchFailure) {
        int lost = 0;
        for (AuditEvent event : batch) {
            event.id = null;
            try {
                write(List.of(event));
            } catch (RuntimeException e) {
                lost++;
            }
        }
        if (lost > 0) {
            // The database is down or refused these events: they are lost, the service goes on.
            LOG.errorf(batchFailure, "Could not write %d of %d audit events", lost, batch.size());
        }
    }

    private static String truncate(String value, int maxLength) {
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    private void purgeIfDue() {
        Instant now = Timestamps.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        Instant cutoff = now.minus(config.audit().retention());
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("delete from AuditEvent e where e.occurredAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
        if (deleted > 0) {
            LOG.infof("Deleted %d audit events older than %s", deleted, config.audit().retention());
        }
    }
}
