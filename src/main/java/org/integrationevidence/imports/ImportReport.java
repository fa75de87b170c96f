package org.integrationevidence.imports;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.openapi.SchemaBounds;

/** What an import did, or on a dry run would do: every row of the file became a case study. */
@Schema(name = "ImportReport", description = "The outcome of an import whose rows are all valid.")
public record ImportReport(
        @Schema(description = "True when nothing was written because the request asked for a dry run.")
        boolean dryRun,
        @Schema(description = "Case studies in the file (rows other than the CSV header and blank lines), at most "
                + "evidence.imports.max-rows.", examples = "2", minimum = "0", maximum = DEFAULT_MAX_ROWS)
        int rows,
        @Schema(description = "Case studies written: all rows, or 0 on a dry run.", examples = "2", minimum = "0",
                maximum = DEFAULT_MAX_ROWS)
        int created,
        @Schema(description = "Each row and the slug of its case study (on a dry run: the slug it would get).",
                maxItems = 20000)
        List<ImportedRow> items) {

    /** evidence.imports.max-rows by default: the most case studies a file may have (more is 413). */
    static final String DEFAULT_MAX_ROWS = "20000";


    /** One row of the file and its case study. */
    @Schema(name = "ImportedRow", description = "A row of the file and the slug of its case study.")
    public record ImportedRow(
            @Schema(description = "The row: CSV record number with the header as row 1; NDJSON line number.", examples = "2",
                    minimum = "1", maximum = SchemaBounds.MAX_INT)
            int row,
            @Schema(description = "Slug of the case study.", examples = "example-a-sample-language-cafe", maxLength = Slugs.MAX_LENGTH)
            String slug) {
    }
}
