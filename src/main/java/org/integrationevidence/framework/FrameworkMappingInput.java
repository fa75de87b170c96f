package org.integrationevidence.framework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new mapping to the concept of the URL: exactly one of approach and outcomeDomain, and a relation. */
@Schema(description = "A mapping to add: exactly one of `approach` and `outcomeDomain`, and the SKOS relation, read as "
        + "\"subject relation concept\".")
public record FrameworkMappingInput(
        @Schema(description = "Slug of the approach to map.", nullable = true, maxLength = 80, examples = "sport")
        @Size(max = 80) String approach,
        @Schema(description = "Slug of the outcome domain to map.", nullable = true, maxLength = 80, examples = "bridges")
        @Size(max = 80) String outcomeDomain,
        @Schema(description = "The SKOS mapping relation.", enumeration = {"exactMatch", "closeMatch", "broadMatch",
                "narrowMatch", "relatedMatch"}, examples = "broadMatch", maxLength = 20)
        @NotBlank @Size(max = 20) String relation,
        @Schema(description = "Why the mapping holds.", nullable = true, maxLength = 1000, examples = "Sport brings "
                + "newcomers and residents together.")
        @Size(max = 1000) String note) {
}
