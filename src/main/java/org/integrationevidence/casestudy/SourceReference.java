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
        Boolean fromReaderComments,
        @Schema(description = "The work's DOI, when it has one: the bare name (`10.` a registrant code, a slash, the "
                + "suffix), without `https://doi.org/` or `doi:`. Carried into citations and JSON-LD.", nullable = true,
                maxLength = MAX_IDENTIFIER, pattern = DOI_PATTERN, examples = "10.1093/jrs/fez095")
        @Size(max = MAX_IDENTIFIER) @Pattern(regexp = DOI_PATTERN, message = DOI_RULE) String doi,
        @Schema(description = "The work's Handle, when it has one (as repositories of theses and reports give): a prefix "
                + "of numbers parted by dots, a slash and the local name, without `https://hdl.handle.net/`. Handles have "
                + "no check digit: only the form is checked.", nullable = true, maxLength = MAX_IDENTIFIER,
                pattern = HANDLE_PATTERN, examples = "20.500.12345/6789")
        @Size(max = MAX_IDENTIFIER) @Pattern(regexp = HANDLE_PATTERN, message = HANDLE_RULE) String handle,
        @Schema(description = "The work's ISBN, when it is a book: ISBN-10 or ISBN-13, digits optionally grouped by "
                + "hyphens or spaces, with a correct check digit.", nullable = true, maxLength = Isbn.MAX_LENGTH,
                pattern = Isbn.PATTERN, examples = "978-0-306-40615-7")
        @Size(max = Isbn.MAX_LENGTH) @Isbn String isbn) {

    /** The longest DOI or Handle kept. */
    public static final int MAX_IDENTIFIER = 300;

    /**
     * A DOI as Crossref recommends its form: {@code 10.}, a registrant code of four to nine digits (with any
     * subdivisions), a slash, and a suffix of letters, digits and {@code -._;()/:+[]}: none of the characters that
     * would need escaping in a URL, HTML, BibTeX or RIS.
     */
    public static final String DOI_PATTERN = "^10\\.[0-9]{4,9}(?:\\.[0-9]+)*/[A-Za-z0-9._;()/:+\\[\\]-]+$";
    static final String DOI_RULE = "must be a DOI such as 10.1093/jrs/fez095: 10., a registrant code of 4 to 9 digits, a "
            + "slash and a suffix of letters, digits and -._;()/:+[] (without https://doi.org/ or doi:)";

    /** A Handle: a prefix of numbers parted by dots (a naming authority), a slash and a local name of safe characters. */
    public static final String HANDLE_PATTERN = "^[0-9]+(?:\\.[0-9]+)*/[A-Za-z0-9._;()/:+-]+$";
    static final String HANDLE_RULE = "must be a Handle such as 20.500.12345/6789: a prefix of numbers parted by dots, a "
            + "slash and a local name of letters, digits and -._;()/:+ (without https://hdl.handle.net/)";

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
