package org.integrationevidence.casestudy;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A work a case study cites, and what the case study takes from it. The same shape is read and written. */
@Schema(description = "A source the case study cites.")
public record SourceReference(
        @Schema(description = "Title of the work.", examples = "Immigration and Integration: Getting it Right Locally", maxLength = 300)
        @NotBlank @Size(max = 300) String title,
        @Schema(description = "Author, when the work names one.", nullable = true, maxLength = 200)
        @Size(max = 200) String author,
        @Schema(description = "Publisher, when the work names one.", nullable = true, maxLength = 200)
        @Size(max = 200) String publisher,
        @Schema(description = "Publication date, when known.", nullable = true, examples = "2017-08-25")
        LocalDate publishedOn,
        @Schema(description = "Address of the work, when known: an http or https URL, with any character outside the "
                + "URL grammar (spaces, quotes, angle brackets, non-ASCII) percent-encoded.", nullable = true, maxLength = 2000,
                pattern = URL_PATTERN, examples = "https://example.org/reports/integration-2017")
        @Size(max = 2000) @Pattern(regexp = URL_PATTERN, message = URL_RULE) String url,
        @Schema(description = "What the case study takes from this work.", maxLength = 1000,
                examples = "Names the initiative as an example raised at the conference.")
        @NotBlank @Size(max = 1000) String contribution,
        @Schema(description = "True where the facts come from readers' comments under the work rather than the work itself.",
                defaultValue = "false")
        Boolean fromReaderComments) {

    /**
     * An http or https URL of the characters RFC 3986 allows raw, less the quote, so that no value can leave an HTML
     * attribute it is written into or run as script: a host of letters, digits, dots and hyphens (international
     * names in their xn-- form), an optional port, then a path, query and fragment.
     */
    public static final String URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
            + "(?:[/?#][A-Za-z0-9._~%!$&()*+,;=:@/?#-]*)?$";
    static final String URL_RULE = "must be an http or https URL with a host, any character outside the URL grammar "
            + "(spaces, quotes, angle brackets, non-ASCII) percent-encoded";
}
