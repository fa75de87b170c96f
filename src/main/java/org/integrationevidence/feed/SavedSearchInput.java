package org.integrationevidence.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to save a search; the id follows from the parameters. */
@Schema(description = "A search to save: its filters and, optionally, a title for its feed.")
public record SavedSearchInput(
        @Schema(description = "The feed's title; when left out, the feed is titled by its parameters. Kept from the first "
                + "save of the same parameters.", maxLength = SavedSearchService.MAX_TITLE_LENGTH, nullable = true,
                examples = "School linking in the UK")
        String title,
        @Schema(required = true)
        SavedSearchParameters parameters) {
}
