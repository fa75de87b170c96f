package org.integrationevidence.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;

/** The query parameters of a page of case studies: the filters, and the facets, page size and cursor. */
public class SearchParameters extends SortedSearchFilters {

    static final String FACET_NAMES = String.join(", ", CaseStudyDocuments.FACETS);
    private static final String FACET_NAME = "(approach|country|theme|targetGroup|evidence|scale|outcomeDomain|direction|cbp|gcm|sdg)";
    /** Every facet once, comma-separated: "approach,country,theme,targetGroup,evidence,scale,outcomeDomain,direction,cbp,gcm,sdg". */
    static final int FACETS_MAX_LENGTH = 85;
    static final String FACETS_PATTERN = "^" + FACET_NAME + "(," + FACET_NAME + ")*$";

    @QueryParam("facets")
    @Parameter(description = "Comma-separated facets to count under the current query and filters: "
            + "`approach` (rolled up the tree), `country`, `theme`, `targetGroup`, `evidence`, `scale`, `outcomeDomain` "
            + "(domains and their groups), `direction`, `cbp`, `gcm`, `sdg` (framework concepts, through the approaches "
            + "mapped to them). A facet's own filter "
            + "does not narrow its own counts, so a client can offer the other values to add. Repeatable.",
            schema = @Schema(type = SchemaType.STRING, pattern = FACETS_PATTERN, maxLength = FACETS_MAX_LENGTH),
            example = "approach,country,theme")
    public List<String> facets;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 100.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"), example = "20")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "The `next` cursor of the previous page, with the same other parameters; leave out for the "
            + "first page. Cursors expire after a day. It is opaque: only a `next` from this API is a valid value.",
            schema = @Schema(type = SchemaType.STRING, maxLength = Cursor.MAX_LENGTH))
    public String cursor;

    @Override
    List<String> facetNames(List<FieldError> errors) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : facets == null ? List.<String>of() : facets) {
            if (value.length() > FACETS_MAX_LENGTH) {
                errors.add(new FieldError("facets", "must be at most " + FACETS_MAX_LENGTH + " characters: each facet at most once"));
                continue;
            }
            for (String name : value.split(",")) {
                String trimmed = name.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (CaseStudyDocuments.FACETS.contains(trimmed)) {
                    names.add(trimmed);
                } else {
                    errors.add(new FieldError("facets", "\"" + QueryParameters.abbreviate(trimmed) + "\" is not one of: " + FACET_NAMES));
                }
            }
        }
        return List.copyOf(names);
    }

    @Override
    int pageSize(EvidenceConfig config, List<FieldError> errors) {
        try {
            return QueryParameters.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit());
        } catch (ApiException e) {
            errors.addAll(e.errors());
            return 0;
        }
    }

    @Override
    String cursor() {
        return blankToNull(cursor);
    }
}
