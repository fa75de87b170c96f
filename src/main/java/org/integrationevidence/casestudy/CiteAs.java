package org.integrationevidence.casestudy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.openapi.SchemaBounds;

/**
 * How to cite one published version of a case study: the repository as its author and publisher (case studies have
 * no personal authors), its title, the version and the day it was made, and the stable URL of that version. The date
 * the reader accessed it is left to the citing style.
 */
@Schema(name = "CiteAs", description = "How to cite this version of the case study. The repository is its author and "
        + "publisher; the URL serves this version for good. Null for a case study that is not published.")
public record CiteAs(
        @Schema(description = "A reference in the style of APA 7, as plain text; for other styles, ask for the case study "
                + "as CSL-JSON, BibTeX or RIS.",
                examples = "Integration Evidence Repository. (2026). Bradford's football sessions for "
                        + "Bangladeshi women (Version 3). https://evidence.example.org/api/v1/case-studies/"
                        + "bradford-bangladeshi-women-football/versions/3", maxLength = MAX_TEXT) String text,
        @Schema(description = "The repository, as configured (evidence.repository-name): author and publisher.",
                examples = "Integration Evidence Repository", maxLength = MAX_PUBLISHER) String publisher,
        @Schema(description = "The version cited: the case study's `version`.", examples = "3", minimum = "0",
                maximum = SchemaBounds.MAX_LONG) long version,
        @Schema(description = "The day this version was made, in UTC.", examples = "2026-11-23") LocalDate date,
        @Schema(description = "The stable URL of this version (GET /api/v1/case-studies/{slug}/versions/{version}).",
                examples = "https://evidence.example.org/api/v1/case-studies/bradford-bangladeshi-women-football/versions/3",
                maxLength = MAX_URL) String url) {

    public static final int MAX_PUBLISHER = 200;
    public static final int MAX_URL = 2400;
    public static final int MAX_TEXT = MAX_PUBLISHER + CaseStudyInput.MAX_TITLE + MAX_URL + 100;

    /** The citation of version {@code version} of the case study {@code slug}, made at {@code madeAt}. */
    public static CiteAs of(String publisher, URI base, String slug, String title, long version, Instant madeAt) {
        LocalDate date = madeAt.atOffset(ZoneOffset.UTC).toLocalDate();
        String url = versionUrl(base, slug, version);
        // APA 7 for a document with a group author: the publisher is left out when it is the author.
        String text = publisher + ". (" + date.getYear() + "). " + title + " (Version " + version + "). " + url;
        return new CiteAs(text, publisher, version, date, url);
    }

    /** The URL of a version of a case study under the API's {@code base} (ending in a slash). */
    public static String versionUrl(URI base, String slug, long version) {
        return base.resolve("api/v1/case-studies/" + slug + "/versions/" + version).toString();
    }
}
