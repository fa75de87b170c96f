package org.integrationevidence.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How long the previous secret keeps signing after a rotation. */
@Schema(name = "WebhookRotation", description = "A rotation of a subscription's secret.")
public record RotationInput(
        @Schema(description = "Seconds during which deliveries are signed with both the new and the previous secret "
                + "(0 to stop the previous one at once). Default: evidence.webhooks.rotation-overlap (24 hours).",
                minimum = "0", maximum = "604800", examples = "3600")
        @Min(0) @Max(MAX_OVERLAP_SECONDS) Long overlapSeconds) {

    static final long MAX_OVERLAP_SECONDS = 604_800;
}
