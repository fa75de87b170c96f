package org.integrationevidence.casestudy;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the repository's evidence levels relate to other published scales: the repository's reading of them, not an
 * equivalence their authors state. The other scales' levels are named by their own numbers or codes; what each means
 * is said here in the repository's words.
 */
@Schema(name = "EvidenceCrosswalk", description = "How the repository's evidence levels relate to other published scales. "
        + "This is the repository's reading of those scales, not an equivalence that their authors publish.")
public record EvidenceCrosswalk(
        @Schema(description = "Who made this crosswalk.", examples = "the repository", maxLength = 40) String readingOf,
        @Schema(description = "The other scales.", maxItems = 10) List<Scale> scales,
        @Schema(description = "One row per level of the repository's scale, weakest first.", maxItems = 5) List<Row> levels) {

    /** Another published scale. */
    @Schema(name = "EvidenceScale")
    public record Scale(
            @Schema(examples = "nesta", maxLength = 40) String key,
            @Schema(examples = "Nesta Standards of Evidence", maxLength = 120) String name,
            @Schema(description = "Who publishes it.", examples = "Nesta", maxLength = 120) String publisher) {
    }

    /** A level of the repository's scale and its reading on each other scale. */
    @Schema(name = "EvidenceCrosswalkRow")
    public record Row(
            @Schema(examples = "3", minimum = "1", maximum = "5") int level,
            @Schema(examples = "Change measured", maxLength = EvidenceLevel.MAX_LABEL) String label,
            @Schema(description = "The corresponding levels on each other scale, by its key.", maxItems = 10)
            List<Correspondence> elsewhere) {
    }

    /** The levels of another scale that a level of the repository's corresponds to, in the repository's reading. */
    @Schema(name = "EvidenceCorrespondence")
    public record Correspondence(
            @Schema(examples = "nesta", maxLength = 40) String scale,
            @Schema(description = "Its levels, as that scale names them; empty where no level of it corresponds.",
                    examples = "[\"2\"]", maxItems = 10) List<@Size(max = 10) String> levels,
            @Schema(description = "Why, in the repository's words.", maxLength = 300) String note) {
    }

    static final List<Scale> SCALES = List.of(
            new Scale("nesta", "Nesta Standards of Evidence", "Nesta"),
            new Scale("maryland-sms", "Maryland Scientific Methods Scale", "University of Maryland (Sherman and others)"),
            new Scale("eif", "EIF Guidebook evidence ratings", "Early Intervention Foundation"));

    static final EvidenceCrosswalk CROSSWALK = new EvidenceCrosswalk("the repository", SCALES, List.of(
            row(EvidenceLevel.DESCRIBED,
                    c("nesta", List.of("1"), "Both describe what was done and why it should help, with no data on results."),
                    c("maryland-sms", List.of(), "The Maryland scale rates studies that measure an outcome; here none is measured."),
                    c("eif", List.of("NL2"), "Not yet at EIF's level 2: no evaluation of outcomes.")),
            row(EvidenceLevel.OUTCOMES_REPORTED,
                    c("nesta", List.of("1"), "Nesta's level 2 asks for data that show change; results stated without data "
                            + "a reader could check do not reach it."),
                    c("maryland-sms", List.of(), "No measured outcome to rate."),
                    c("eif", List.of("NL2"), "Reported successes without an evaluation stay below EIF's level 2.")),
            row(EvidenceLevel.CHANGE_MEASURED,
                    c("nesta", List.of("2"), "Data show change among those involved, without showing the initiative caused it."),
                    c("maryland-sms", List.of("1", "2"), "A measure at one time, or before and after, without a comparable "
                            + "group that did not take part."),
                    c("eif", List.of("2"), "Preliminary evidence: improvement observed, not yet shown to be caused by the initiative.")),
            row(EvidenceLevel.IMPACT_SHOWN,
                    c("nesta", List.of("3"), "A control or comparison group shows the initiative caused the change."),
                    c("maryland-sms", List.of("3", "4", "5"), "A comparison with a group that did not take part; the level "
                            + "depends on how comparable the groups are and whether they were assigned at random."),
                    c("eif", List.of("3"), "One rigorous evaluation with a comparison group shows impact.")),
            row(EvidenceLevel.INDEPENDENTLY_REPLICATED,
                    c("nesta", List.of("4"), "Independent evaluations confirm the impact; Nesta's level 5 asks further for "
                            + "the means to run it faithfully elsewhere, which this scale does not rate."),
                    c("maryland-sms", List.of("3", "4", "5"), "The Maryland scale rates one study's design, not replication; "
                            + "each of the studies would be rated on its own."),
                    c("eif", List.of("4"), "More than one rigorous evaluation shows impact."))));

    private static Row row(EvidenceLevel level, Correspondence... elsewhere) {
        return new Row(level.level, level.label, List.of(elsewhere));
    }

    private static Correspondence c(String scale, List<String> levels, String note) {
        return new Correspondence(scale, levels, note);
    }
}
