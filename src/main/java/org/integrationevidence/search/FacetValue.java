package org.integrationevidence.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.approach.ApproachInput;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.openapi.SchemaBounds;

/** One value of a facet and how many results have it. */
@Schema(name = "FacetValue", description = "One value of a facet and how many matching case studies have it.")
public record FacetValue(
        @Schema(description = "The value, as passed to the filter of the same name.", examples = "school-linking",
                maxLength = Slugs.MAX_LENGTH)
        String value,
        @Schema(description = "Human-readable name of the value.", examples = "School linking", maxLength = ApproachInput.MAX_NAME)
        String label,
        @Schema(description = "How many case studies matching the query and the other filters have this value; for "
                + "approaches, those tagged with it or anything narrower.", examples = "2",
                minimum = "0", maximum = SchemaBounds.MAX_LONG)
        long count,
        @Schema(description = "Whether the request filters on this value.")
        boolean selected,
        @Schema(description = "For the approach facet, the slug of the broader approach, so that a client can draw the "
                + "tree; null for a top-level approach and for the other facets.", nullable = true,
                examples = "contact-and-exchange", maxLength = Slugs.MAX_LENGTH)
        String parent) {
}
