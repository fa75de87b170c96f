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
        @Schema(description = "Address of the work, when known (http or https).", nullable = true, maxLength = 2000)
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https URL") String url,
        @Schema(description = "What the case study takes from this work.", maxLength = 1000,
                examples = "Names the initiative as an example raised at the conference.")
        @NotBlank @Size(max = 1000) String contribution,
        @Schema(description = "True where the facts come from readers' comments under the work rather than the work itself.",
                defaultValue = "false")
        Boolean fromReaderComments) {
}
