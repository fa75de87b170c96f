package org.integrationevidence.changes;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the change feed. Unlike other lists it has no total (the feed only grows) and its {@code next} is never
 * null: at the end of the feed it is where to poll from.
 */
@Schema(name = "ChangePage", description = "A page of the change feed, oldest change first.")
public record ChangePage(
        @Schema(description = "The changes after `since`, in feed order; empty when there is nothing new.", maxItems = 100)
        List<Change> items,
        @Schema(description = "Opaque token to pass as `since` for the changes after this page. Never null: at the end of "
                + "the feed it is where to poll from later. Keep it to resume after a restart.",
                maxLength = ChangeFeedResource.MAX_TOKEN_LENGTH, pattern = ChangeFeedResource.TOKEN_PATTERN,
                examples = "Y2hhbmdlcy12MXwxMDQy.xPj1b5TB0ZcnOQ3bLQ2kpw")
        String next,
        @Schema(description = "True when this page reaches the end of the feed as it is now: follow `next` later to see new "
                + "changes. False when more changes follow at once.", examples = "false")
        boolean caughtUp) {
}
