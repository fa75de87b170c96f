package org.integrationevidence.search;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.openapi.SchemaBounds;

/**
 * An evidence gap map: a matrix of two dimensions of the selected case studies (by default approach by outcome
 * domain), every cell present, empty ones included, since the empty cells are the gaps. Rows and columns come in
 * taxonomy order.
 */
@Schema(name = "EvidenceMap", description = "An evidence gap map: case studies and findings counted by a row and a column "
        + "dimension over the case studies a search selects. Every combination of row and column is a cell, empty ones "
        + "included: they are the gaps.")
public record EvidenceMap(
        Axis rows,
        Axis columns,
        @Schema(description = "One per row and column, row by row, in the order of rows and columns.", maxItems = MAX_CELLS)
        List<Cell> cells,
        @Schema(description = "Case studies selected, whether or not they fall in any cell.", examples = "19", minimum = "0",
                maximum = SchemaBounds.MAX_LONG) long caseStudies,
        @Schema(description = "Findings of the selected case studies, whether or not they fall in any cell.", examples = "31",
                minimum = "0", maximum = SchemaBounds.MAX_LONG) long findings) {

    /** The most values an axis has: the approach tree, the outcome domains, countries and the flat vocabularies are smaller. */
    public static final int MAX_VALUES = 1000;
    public static final int MAX_CELLS = MAX_VALUES * MAX_VALUES;
    static final int MAX_KEY = 80;
    static final int MAX_LABEL = 120;
    static final int MAX_LINK = 8000;

    /** A dimension of the map and its values, in order. */
    @Schema(name = "EvidenceMapAxis")
    public record Axis(
            @Schema(description = "The dimension.", enumeration = {"approach", "outcomeDomain", "theme", "targetGroup", "country"},
                    examples = "approach") String dimension,
            @Schema(description = "For approach: the depth of the tree the values are taken at (1 for the top level; narrower "
                    + "approaches are rolled up into their ancestor at this depth). For outcomeDomain: 1 for the groups, 2 for "
                    + "the domains. Null for flat dimensions.", nullable = true, examples = "1", minimum = "1", maximum = "10")
            Integer depth,
            @Schema(maxItems = MAX_VALUES) List<Value> values) {
    }

    /** A row or column: the value's key, as search takes it, and its label. */
    @Schema(name = "EvidenceMapValue")
    public record Value(
            @Schema(description = "The value as the search filter of the same dimension takes it.", examples = "social-contact-and-mixing",
                    maxLength = MAX_KEY) String key,
            @Schema(description = "Its label.", examples = "Social contact and mixing", maxLength = MAX_LABEL) String label,
            @Schema(description = "The key of the group or broader value it belongs to, when the dimension has one.",
                    nullable = true, examples = "social-connections", maxLength = MAX_KEY) String parent) {
    }

    /** The case studies and findings at one row and column. */
    @Schema(name = "EvidenceMapCell")
    public record Cell(
            @Schema(examples = "social-contact-and-mixing", maxLength = MAX_KEY) String row,
            @Schema(examples = "bridges", maxLength = MAX_KEY) String column,
            @Schema(description = "Selected case studies with this row and this column value.", examples = "3", minimum = "0",
                    maximum = SchemaBounds.MAX_LONG) long caseStudies,
            @Schema(description = "Their findings in this cell. Counted only when one of the dimensions is outcomeDomain (a "
                    + "finding has a domain; otherwise every finding of the case studies counts).", examples = "3", minimum = "0",
                    maximum = SchemaBounds.MAX_LONG) long findings,
            @Schema(description = "The findings by direction; every direction present, zero included.")
            Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> directions,
            @Schema(description = "The highest evidence level among these case studies (a finding's own level where it has "
                    + "one, otherwise its case study's); null for an empty cell.", nullable = true, examples = "2", minimum = "1",
                    maximum = "5") Integer highestLevel,
            @Schema(description = "The median evidence level, by the same rule (the lower middle value for an even count); "
                    + "null for an empty cell.", nullable = true, examples = "1", minimum = "1", maximum = "5") Integer medianLevel,
            @Schema(description = "The search that lists these case studies.",
                    examples = "/api/v1/case-studies?approach=social-contact-and-mixing&outcomeDomain=bridges", maxLength = MAX_LINK)
            String search) {
    }
}
