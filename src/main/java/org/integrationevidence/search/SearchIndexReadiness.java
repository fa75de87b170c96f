package org.integrationevidence.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the search index is open: exactly when searches, lists, feeds and exports can be answered
 * instead of 503 (while it opens, rebuilds or after it was closed). How far it is behind the database is not judged
 * (an index a few minutes stale still serves, while taking every instance out of the load balancer at once would
 * serve nothing), and not told here, where anyone may look: the metrics give it to monitoring.
 */
@Readiness
@ApplicationScoped
public class SearchIndexReadiness implements HealthCheck {

    static final String NAME = "Search index";

    @Inject
    SearchIndex index;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        SearchIndex.Status status = index.status();
        if (status == null) {
            return response.down().withData("reason", "The search index is not open: it is opening, rebuilding or closed.")
                    .build();
        }
        // Only what is public anyway: the published case studies. The journal position and the time of the last
        // catch-up move with every write, drafts' included; the metrics, for monitor keys, carry them.
        return response.up().withData("documents", status.documents()).build();
    }
}
