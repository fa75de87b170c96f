package org.integrationevidence.search;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.integrationevidence.problem.FieldError;

/** The filters and the order the client chooses: what a list page and an export share. */
public class SortedSearchFilters extends SearchFilters {

    @QueryParam("sort")
    @Parameter(description = "Order: `relevance` (the default when `q` is given; needs `q`), `-updated` (newest change first, "
            + "the default otherwise), `title`, `-evidence` (strongest first), `-start` (latest start year first, "
            + "unknown last), `distance` (nearest `near` first; the default with `near` and no `q`), `similarPlace` (the "
            + "place most like `similarPlace`'s first; the default with `similarPlace` and no `q`). Ties are ordered by slug.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "-updated", "title", "-evidence", "-start",
                    "distance", "similarPlace"}),
            example = "relevance")
    public String sort;

    @Override
    SearchSort order(String text, GeoQuery geo, List<FieldError> errors) {
        SearchSort order = text != null ? SearchSort.RELEVANCE : geo.similarPlace() != null ? SearchSort.SIMILAR_PLACE
                : geo.near() != null ? SearchSort.DISTANCE : SearchSort.UPDATED;
        if (blankToNull(sort) != null) {
            order = SearchSort.parse(sort.strip()).orElse(null);
            if (order == null) {
                errors.add(new FieldError("sort", "\"" + sort + "\" is not one of: " + SearchSort.allowed()));
            } else if (order == SearchSort.RELEVANCE && text == null) {
                errors.add(new FieldError("sort", "relevance needs a q to be relevant to"));
            } else if (order == SearchSort.DISTANCE && geo.near() == null) {
                errors.add(new FieldError("sort", "distance needs near, the point to measure from"));
            } else if (order == SearchSort.SIMILAR_PLACE && geo.similarPlace() == null) {
                errors.add(new FieldError("sort", "similarPlace needs similarPlace, the case study whose place to compare with"));
            }
        }
        return order;
    }
}
