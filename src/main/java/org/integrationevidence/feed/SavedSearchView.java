package org.integrationevidence.feed;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A saved search as answered: its filters, its feed and the list it follows. */
@Schema(description = "A saved search: a standing query whose Atom feed a reader can subscribe to.")
public record SavedSearchView(
        @Schema(description = "Made from the canonical parameters: the same search saved again has the same id.",
                examples = "TVD9CsDFaQojr2hBfq2pOw", minLength = SavedSearchService.ID_LENGTH,
                maxLength = SavedSearchService.ID_LENGTH, pattern = SavedSearchService.ID_PATTERN)
        String id,
        @Schema(description = "The title it was first saved with, or null.", nullable = true,
                maxLength = SavedSearchService.MAX_TITLE_LENGTH, examples = "School linking in the UK")
        String title,
        SavedSearchParameters parameters,
        @Schema(description = "Absolute URL of its Atom feed, to subscribe to.", format = "uri",
                maxLength = SavedSearchService.MAX_URL_LENGTH)
        String feed,
        @Schema(description = "Absolute URL of the same search in the case studies list.", format = "uri",
                maxLength = SavedSearchService.MAX_URL_LENGTH)
        String search,
        @Schema(description = "When it was first saved.")
        Instant createdAt) {
}
