package org.integrationevidence.casestudy;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.integrationevidence.approach.Approach;
import org.integrationevidence.approach.ApproachRef;
import org.integrationevidence.outcome.OutcomeDomain;
import org.integrationevidence.outcome.OutcomeDomainRef;

/**
 * Explicit mapping between case study entities and the records the API reads and writes. Only the fields a
 * client owns are ever copied from input; id, version, status changes and timestamps are the service's.
 */
final class CaseStudyMapper {

    static final String DEFAULT_LICENCE = "CC-BY-4.0";

    private CaseStudyMapper() {
    }

    /** Copies every client-owned field of {@code input} onto {@code target}, replacing what was there. */
    static void apply(CaseStudyInput input, Collection<Approach> approaches, List<CaseStudyFinding> findings, String bodyHtml,
            CaseStudy target) {
        target.title = input.title().strip();
        target.summary = input.summary().strip();
        target.bodyMarkdown = input.body();
        target.bodyHtml = bodyHtml;

        Place place = input.place();
        target.placeName = place.name().strip();
        target.localAuthority = blankToNull(place.localAuthority());
        target.region = blankToNull(place.region());
        target.countryCode = place.countryCode();
        target.latitude = place.latitude();
        target.longitude = place.longitude();
        target.scale = place.scale();
        target.subdivisionCode = blankToNull(place.subdivisionCode());
        target.nutsCode = blankToNull(place.nutsCode());
        target.degreeOfUrbanisation = place.degreeOfUrbanisation();
        target.populationBand = place.populationBand();

        Period period = input.period();
        target.startYear = period == null ? null : period.startYear();
        target.endYear = period == null ? null : period.endYear();
        target.ongoing = period == null ? null : period.ongoing();

        replace(target.leadOrganisations, stripped(input.leadOrganisations()));
        replace(target.partnerOrganisations, stripped(input.partnerOrganisations()));
        target.findings.clear();
        for (CaseStudyFinding finding : findings) {
            finding.caseStudy = target;
            finding.position = target.findings.size();
            target.findings.add(finding);
        }
        target.approaches.clear();
        target.approaches.addAll(approaches);
        target.themes.clear();
        if (input.themes() != null) {
            target.themes.addAll(input.themes());
        }
        target.targetGroups.clear();
        if (input.targetGroups() != null) {
            target.targetGroups.addAll(input.targetGroups());
        }

        target.evidenceLevel = input.evidence().level();
        target.evidenceRationale = input.evidence().rationale().strip();
        Evaluation evaluation = input.evaluation();
        target.evaluationDesign = evaluation == null ? null : evaluation.design();
        target.evaluationIndependent = evaluation == null ? null : evaluation.independent();
        target.evaluationReference = evaluation == null ? null : blankToNull(evaluation.reference());
        CaseStudyInput.Cost cost = input.cost();
        target.costBand = cost == null ? null : cost.band();
        target.costRationale = cost == null ? null : cost.rationale().strip();
        target.sources.clear();
        input.sources().forEach(source -> target.sources.add(toCitation(source)));
        target.licence = input.licence() == null ? DEFAULT_LICENCE : input.licence();
    }

    static CaseStudyView toView(CaseStudy c) {
        EvidenceLevel level = EvidenceLevel.of(c.evidenceLevel);
        return new CaseStudyView(c.slug, c.title, c.summary, c.bodyMarkdown, c.bodyHtml, place(c), period(c),
                List.copyOf(c.leadOrganisations), List.copyOf(c.partnerOrganisations), approaches(c),
                sorted(c.themes), sorted(c.targetGroups), statements(c),
                c.findings.stream().map(CaseStudyMapper::toView).toList(),
                new CaseStudyView.Evidence(level.level, level.label, c.evidenceRationale), evaluation(c), costView(c),
                c.sources.stream().map(CaseStudyMapper::toReference).toList(),
                c.status, c.licence, c.createdAt, c.updatedAt, c.version, null);
    }

    /** The case study as a PUT would send it, to merge a PATCH into; the status is left out, so it stays. */
    static CaseStudyInput toInput(CaseStudy c) {
        return input(c, null);
    }

    /**
     * The case study as a revision keeps it: what PUT would send, with its slug and status. The sets are in a fixed
     * order so that two snapshots of the same content are the same text.
     */
    static CaseStudyInput toSnapshot(CaseStudy c) {
        return input(c, c.status);
    }

    private static CaseStudyInput input(CaseStudy c, CaseStudyStatus status) {
        return new CaseStudyInput(c.slug, c.title, c.summary, c.bodyMarkdown, place(c), period(c),
                List.copyOf(c.leadOrganisations), List.copyOf(c.partnerOrganisations),
                c.approaches.stream().map(approach -> approach.slug).sorted().toList(), new TreeSet<>(c.themes),
                new TreeSet<>(c.targetGroups), null, c.findings.stream().map(CaseStudyMapper::toInput).toList(),
                new CaseStudyInput.Evidence(c.evidenceLevel, c.evidenceRationale), evaluation(c),
                c.costBand == null ? null : new CaseStudyInput.Cost(c.costBand, c.costRationale),
                c.sources.stream().map(CaseStudyMapper::toReference).toList(), c.licence, status);
    }

    static CaseStudySummary toSummary(CaseStudy c) {
        return new CaseStudySummary(c.slug, c.title, c.summary, place(c), period(c), approaches(c),
                sorted(c.themes), sorted(c.targetGroups), outcomeDomains(c), c.evidenceLevel, c.status, c.licence, c.createdAt, c.updatedAt, null);
    }

    /** The outcome domains of the findings, each once, in the framework's order (its group's place, then its own). */
    private static List<OutcomeDomainRef> outcomeDomains(CaseStudy c) {
        return c.findings.stream().map(finding -> finding.domain).filter(java.util.Objects::nonNull).distinct()
                .sorted(Comparator.<OutcomeDomain>comparingInt(d -> d.parent == null ? d.position : d.parent.position)
                        .thenComparingInt(d -> d.position).thenComparing(d -> d.slug))
                .map(OutcomeDomainRef::of).toList();
    }

    /** The deprecated free-text outcomes: the findings' statements, in order. */
    static List<String> statements(CaseStudy c) {
        return c.findings.stream().map(finding -> finding.statement).toList();
    }

    static FindingView toView(CaseStudyFinding f) {
        return new FindingView(f.domain == null ? null : OutcomeDomainRef.of(f.domain), f.statement, f.direction, measure(f),
                f.evidenceLevel == null ? null
                        : new CaseStudyView.Evidence(f.evidenceLevel, EvidenceLevel.of(f.evidenceLevel).label, f.evidenceRationale),
                sources(f));
    }

    private static FindingInput toInput(CaseStudyFinding f) {
        return new FindingInput(f.domain == null ? null : f.domain.slug, f.statement, f.direction, measure(f),
                f.evidenceLevel == null ? null : new CaseStudyInput.Evidence(f.evidenceLevel, f.evidenceRationale), sources(f));
    }

    private static Measure measure(CaseStudyFinding f) {
        Measure measure = new Measure(f.measureWhat, f.measureValue, f.measureUnit, f.measureComparison, f.effectSize,
                f.effectSizeKind);
        return measure.isEmpty() ? null : measure;
    }

    private static List<FindingSource> sources(CaseStudyFinding f) {
        return f.sources.stream().map(source -> new FindingSource(source.sourceIndex, source.locator)).toList();
    }

    private static Evaluation evaluation(CaseStudy c) {
        return c.evaluationDesign == null ? null
                : new Evaluation(c.evaluationDesign, c.evaluationIndependent, c.evaluationReference);
    }

    private static CaseStudyView.Cost costView(CaseStudy c) {
        return c.costBand == null ? null : new CaseStudyView.Cost(c.costBand, CostBand.of(c.costBand).label, c.costRationale);
    }

    private static Place place(CaseStudy c) {
        return new Place(c.placeName, c.localAuthority, c.region, c.countryCode, c.latitude, c.longitude, c.scale,
                c.subdivisionCode, c.nutsCode, c.degreeOfUrbanisation, c.populationBand);
    }

    private static Period period(CaseStudy c) {
        return new Period(c.startYear, c.endYear, c.ongoing);
    }

    private static List<ApproachRef> approaches(CaseStudy c) {
        return c.approaches.stream().map(ApproachRef::of)
                .sorted(Comparator.comparing(ApproachRef::name).thenComparing(ApproachRef::slug)).toList();
    }

    private static <E extends Enum<E>> List<E> sorted(Collection<E> values) {
        return values.stream().sorted().toList();
    }

    private static SourceCitation toCitation(SourceReference source) {
        SourceCitation citation = new SourceCitation();
        citation.title = source.title().strip();
        citation.author = blankToNull(source.author());
        citation.publisher = blankToNull(source.publisher());
        citation.publishedOn = source.publishedOn();
        citation.url = blankToNull(source.url());
        citation.contribution = source.contribution().strip();
        citation.fromReaderComments = Boolean.TRUE.equals(source.fromReaderComments());
        citation.doi = blankToNull(source.doi());
        citation.handle = blankToNull(source.handle());
        citation.isbn = source.isbn() == null || source.isbn().isBlank() ? null
                : source.isbn().strip().toUpperCase(java.util.Locale.ROOT);
        return citation;
    }

    private static SourceReference toReference(SourceCitation c) {
        return new SourceReference(c.title, c.author, c.publisher, c.publishedOn, c.url, c.contribution, c.fromReaderComments,
                c.doi, c.handle, c.isbn);
    }

    private static List<String> stripped(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }

    private static void replace(List<String> target, List<String> values) {
        target.clear();
        target.addAll(values);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
