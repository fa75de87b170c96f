package org.integrationevidence.search;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the published case studies of a selection (an approach's) say, and how strongly, at a glance. */
@Schema(name = "EvidenceSummary", description = "The evidence behind an approach: its published case studies (tagged with it "
        + "or a narrower approach) and their findings, by evidence level and by direction, with the countries and outcome "
        + "domains they cover.")
public record EvidenceSummary(
        @Schema(examples = "4") long caseStudies,
        @Schema(description = "Case studies by their overall evidence level, \"1\" to \"5\"; every level present.")
        Map<String, Long> caseStudiesByLevel,
        @Schema(examples = "6") long findings,
        @Schema(description = "Findings by level (a finding's own, or else its case study's), \"1\" to \"5\"; every level present.")
        Map<String, Long> findingsByLevel,
        @Schema(description = "Findings by direction; every direction present.") Map<String, Long> findingsByDirection,
        @Schema(description = "Countries of the case studies, as ISO 3166-1 alpha-2 codes, in order.", examples = "[\"GB\", \"IT\"]")
        List<String> countries,
        @Schema(description = "Outcome domains with findings, in the framework's order, each with how many findings.")
        List<DomainCount> outcomeDomains) {

    /** An outcome domain and how many findings are in it. */
    @Schema(name = "EvidenceSummaryDomain")
    public record DomainCount(@Schema(examples = "bridges") String slug, @Schema(examples = "Bridges") String name,
            @Schema(examples = "3") long findings) {
    }
}
