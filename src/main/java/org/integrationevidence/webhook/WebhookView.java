package org.integrationevidence.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.openapi.SchemaBounds;

/** A subscription as its owner and admins see it; the secret only in the answers that create one. */
@Schema(name = "Webhook", description = "A webhook subscription.")
public record WebhookView(
        @Schema(description = "Its id.", minimum = "1", maximum = SchemaBounds.MAX_LONG, examples = "12") long id,
        @Schema(description = "Where deliveries are POSTed.", maxLength = WebhookInput.MAX_URL,
                examples = "https://cms.example.org/hooks/evidence") String url,
        @Schema(description = "The events sent.", examples = "[\"published\", \"updated\"]", maxItems = 5)
        List<EventKind> events,
        WebhookFilters filters,
        @Schema(description = "What it is for.", nullable = true, maxLength = WebhookInput.MAX_DESCRIPTION,
                examples = "New school linking evidence for the council's newsletter") String description,
        @Schema(description = "`active`: deliveries are sent; `paused` by its owner and `disabled` by the service after a "
                + "run of failures: events are queued and sent, in order, once resumed; `ended` by a 410 Gone from the "
                + "receiver: nothing more is sent.", examples = "active") SubscriptionStatus status,
        @Schema(description = "Why it is disabled or ended.", nullable = true, maxLength = 1000,
                examples = "Deliveries failed for 28 hours; the last: connection refused") String statusReason,
        @Schema(description = "Who owns it: the owner of the key that created it.", maxLength = 200,
                examples = "Jane Smith, Bradford Council") String owner,
        @Schema(description = "The new secret, `whsec_` and base64: only in the answers that create the subscription or "
                + "rotate its secret. Verify every delivery's `webhook-signature` with it (Standard Webhooks).",
                nullable = true, maxLength = 60, examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        @Schema(description = "Until when the previous secret also signs deliveries, after a rotation.", nullable = true,
                format = "date-time", maxLength = 40, examples = "2026-12-08T10:00:00Z")
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousSecretUntil,
        @Schema(description = "The change feed position up to which its deliveries are queued.", minimum = "0",
                maximum = SchemaBounds.MAX_LONG, examples = "1042") long position,
        @Schema(description = "Deliveries queued or waiting for a retry.", minimum = "0", maximum = SchemaBounds.MAX_LONG,
                examples = "0") long pending,
        @Schema(description = "When the oldest of them was queued.", nullable = true, format = "date-time", maxLength = 40,
                examples = "2026-12-07T09:59:58Z") Instant oldestPendingAt,
        @Schema(description = "Failed attempts in a row.", minimum = "0", maximum = "2147483647", examples = "0")
        int consecutiveFailures,
        @Schema(description = "When it was created.", format = "date-time", maxLength = 40, examples = "2026-12-07T09:00:00Z")
        Instant createdAt,
        @Schema(description = "When its settings or status last changed.", format = "date-time", maxLength = 40,
                examples = "2026-12-07T09:00:00Z") Instant updatedAt) {
}
