package org.integrationevidence.webhook;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.integrationevidence.config.EvidenceConfig;

/**
 * Reports, in readiness, how many webhook subscriptions are behind: their oldest pending delivery is older than
 * {@code evidence.webhooks.behind-after}. Always up: a receiver that is down must not take the API out of the load
 * balancer. Which subscriptions, and by how much, is in the metrics (for monitor keys), not here, where anyone may look.
 */
@Readiness
@ApplicationScoped
public class WebhookHealth implements HealthCheck {

    @Inject
    WebhookMetrics metrics;

    private EvidenceConfig.Webhooks settings;

    @Inject
    void readSettings(EvidenceConfig config) {
        this.settings = config.webhooks();
    }

    @Override
    public HealthCheckResponse call() {
        Instant limit = Instant.now().minus(settings.behindAfter());
        long behind = metrics.backlogs().stream().filter(b -> b.oldest() != null && b.oldest().isBefore(limit)).count();
        return HealthCheckResponse.named("Webhook deliveries").up()
                .withData("subscriptionsBehind", behind)
                .withData("behindAfter", format(settings.behindAfter()))
                .build();
    }

    private static String format(Duration duration) {
        return duration.toString();
    }
}
