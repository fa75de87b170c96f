package org.integrationevidence.search;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.ResponseFilterOrder;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Makes a write's response wait until this instance's index shows the write, so that a client that writes and
 * then searches finds what it wrote. The wait happens here, once the request's transaction is over and its
 * database connection is back in the pool: the index needs a connection to catch up, and writers holding them all
 * while they wait would starve it.
 */
@RequestScoped
class IndexWait {

    private static final Logger LOG = Logger.getLogger(IndexWait.class);

    @Inject
    EvidenceConfig config;

    private CompletableFuture<Void> pending;

    /** Remembers a catch-up to wait for before this request's response is sent. */
    void awaitBeforeResponse(CompletableFuture<Void> catchUp) {
        pending = catchUp;
    }

    /** Registered as a response filter: runs for every response, and waits only after a write. */
    static class Filter {

        @Inject
        IndexWait indexWait;

        @ServerResponseFilter(priority = ResponseFilterOrder.AWAIT_INDEX)
        public void awaitIndex() {
            indexWait.awaitPending();
        }
    }

    void awaitPending() {
        if (pending == null) {
            return;
        }
        try {
            await(pending, config.search().writeWait());
        } finally {
            pending = null;
        }
    }

    /** Waits for a catch-up, at most {@code writeWait}. Usable outside requests too. */
    static void await(CompletableFuture<Void> catchUp, Duration writeWait) {
        try {
            catchUp.get(writeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("The search index did not catch up within %s; the write is answered and will be searchable shortly.",
                    writeWait);
        } catch (ExecutionException e) {
            LOG.error("The search index failed to catch up with a commit; the next poll retries.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
