package org.integrationevidence.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.openapi.SchemaBounds;

/** A delivery in a subscription's log, with its attempts. */
@Schema(name = "WebhookDelivery", description = "One message to a subscription and the attempts to send it.")
public record DeliveryView(
        @Schema(description = "Its id in the log.", minimum = "1", maximum = SchemaBounds.MAX_LONG, examples = "5531") long id,
        @Schema(description = "The `webhook-id` it is sent with, the same at every attempt and redelivery.", maxLength = 40,
                examples = "msg_2KWPBgLlAfxdpx2AI54pPJ") String messageId,
        @Schema(description = "The event type: `case-study.published`, `case-study.updated`, `case-study.withdrawn`, "
                + "`case-study.deleted`, `case-study.unmatched`, `approach.created`, `approach.updated`, "
                + "`approach.deleted` or `webhook.test`.", maxLength = 40, examples = "case-study.published") String type,
        @Schema(description = "The change feed position of a case study's event.", nullable = true, minimum = "1",
                maximum = SchemaBounds.MAX_LONG, examples = "1042") Long position,
        @Schema(description = "The case study's or approach's slug.", nullable = true, maxLength = 80,
                examples = "linking-network-school-linking") String slug,
        @Schema(description = "`pending` (queued or waiting for a retry), `delivered` (a 2xx answer), `failed` (refused "
                + "with a 4xx that is not retried; can be redelivered), `cancelled` (the subscription ended).",
                examples = "delivered") DeliveryStatus status,
        @Schema(description = "When it was queued.", format = "date-time", maxLength = 40, examples = "2026-12-07T09:59:58Z")
        Instant createdAt,
        @Schema(description = "When it is next tried, while pending.", nullable = true, format = "date-time", maxLength = 40,
                examples = "2026-12-07T10:00:03Z") Instant nextAttemptAt,
        @Schema(description = "When a 2xx answer came.", nullable = true, format = "date-time", maxLength = 40,
                examples = "2026-12-07T09:59:58Z") Instant deliveredAt,
        @Schema(description = "Every attempt, oldest first.", maxItems = 1000) List<AttemptView> attempts) {

    /** One attempt. */
    @Schema(name = "WebhookAttempt", description = "One attempt to send a delivery.")
    public record AttemptView(
            @Schema(description = "When it started.", format = "date-time", maxLength = 40, examples = "2026-12-07T09:59:58Z")
            Instant at,
            @Schema(description = "The receiver's status code; absent when no answer came.", nullable = true,
                    minimum = "100", maximum = "599", examples = "200") Integer status,
            @Schema(description = "Milliseconds from the start to the answer or the failure.", minimum = "0",
                    maximum = SchemaBounds.MAX_LONG, examples = "84") long latencyMs,
            @Schema(description = "What went wrong, when it did.", nullable = true, maxLength = 500,
                    examples = "503 Service Unavailable") String error) {
    }
}
