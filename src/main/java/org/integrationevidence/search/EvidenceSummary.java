package org.integrationevidence.search;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.openapi.SchemaBounds;

/** What the published case studies of a selection (an approach's) say, and how strongly, at a glance. */
@Schema(name = "EvidenceSummary", description = "The evidence behind an approach: its published case studies (tagged with it "
        + "or a narrower approach) and their findings, by evidence level and by direction, with the countries and outcome "
        + "domains they cover.")
public record EvidenceSummary(
        @Schema(examples = "4", minimum = "0", maximum = SchemaBounds.MAX_LONG) long caseStudies,
        @Schema(description = "Case studies by their overall evidence level, \"1\" to \"5\"; every level present.")
        Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> caseStudiesByLevel,
        @Schema(examples = "6", minimum = "0", maximum = SchemaBounds.MAX_LONG) long findings,
        @Schema(description = "Findings by level (a finding's own, or else its case study's), \"1\" to \"5\"; every level present.")
        Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> findingsByLevel,
        @Schema(description = "Findings by direction; every direction present.")
        Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> findingsByDirection,
        @Schema(description = "Countries of the case studies, as ISO 3166-1 alpha-2 codes, in order.", examples = "[\"GB\", \"IT\"]",
                maxItems = 250) List<@Size(max = 2) String> countries,
        @Schema(description = "Outcome domains with findings, in the framework's order, each with how many findings.",
                maxItems = EvidenceMap.MAX_VALUES) List<DomainCount> outcomeDomains) {

    /** An outcome domain and how many findings are in it. */
    @Schema(name = "EvidenceSummaryDomain")
    public record DomainCount(@Schema(examples = "bridges", maxLength = EvidenceMap.MAX_KEY) String slug,
            @Schema(examples = "Bridges", maxLength = EvidenceMap.MAX_LABEL) String name,
            @Schema(examples = "3", minimum = "0", maximum = SchemaBounds.MAX_LONG) long findings) {
    }
}
