package org.integrationevidence.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a CSL-JSON item as the API writes it (formats.Csl), for the OpenAPI document only: CSL-JSON answers
 * are written by their writer, not from this record.
 */
@Schema(name = "CslItem", description = "A CSL-JSON item (Citation Style Language 1.0.2): only the variables the data "
        + "holds are present.")
public record CslItem(
        @Schema(description = "`<slug>-v<version>` for a case study, `<slug>-v<version>-source-<n>` for a work it cites; "
                + "a draft's is its slug.", maxLength = 200, examples = "example-language-cafe-v1") String id,
        @Schema(description = "`document` (a case study or a cited work), `book` (a cited work with an ISBN).",
                enumeration = {"document", "book"}) String type,
        @Schema(maxLength = 300) String title,
        @Schema(description = "One name, as a literal: the repository for a case study, the author as given for a source.",
                maxItems = 1) List<Name> author,
        @Schema(maxLength = 200) String publisher,
        @Schema(description = "`{\"date-parts\": [[year, month, day]]}`.") Object issued,
        @Schema(description = "The case study's version.", maxLength = 20) String version,
        @Schema(maxLength = 2400) String URL,
        @Schema(maxLength = 300) String DOI,
        @Schema(maxLength = 17) String ISBN,
        @Schema(description = "A cited work's Handle, as `hdl:<handle>`.", maxLength = 304) String note,
        @Schema(name = "abstract", description = "The case study's summary.", maxLength = 300) String summary) {

    /** Most items a case study's citation holds: the case study and its sources. */
    public static final int MAX_FOR_CASE_STUDY = 21;
    /** Most items a page's citation holds. */
    public static final int MAX_FOR_PAGE = 100;

    @Schema(name = "CslName", description = "A name that is never split into given and family names.")
    public record Name(@Schema(maxLength = 300) String literal) {
    }
}
