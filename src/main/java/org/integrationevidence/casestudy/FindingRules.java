package org.integrationevidence.casestudy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.integrationevidence.outcome.OutcomeDomain;
import org.integrationevidence.problem.FieldError;

/**
 * The rules a case study's findings follow beyond Bean Validation: a domain that exists and is not a group (a top-level term), sources
 * the case study has, an effect size with its kind; and the deprecated free-text {@code outcomes}, read as findings.
 * Gives the findings to write, as new entities not yet attached to their case study.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FindingRules {

    static final String SEE_DOMAINS = " is not an outcome domain; see GET /api/v1/outcome-domains";

    @Inject
    EntityManager entities;

    /**
     * The findings {@code input} writes, given those the case study has now ({@code current}, empty on create). Each
     * broken rule adds a field error.
     */
    List<CaseStudyFinding> resolve(CaseStudyInput input, List<CaseStudyFinding> current, List<FieldError> errors) {
        List<FindingInput> findings = input.findings();
        List<String> outcomes = input.outcomes();
        if (findings == null) {
            return outcomes == null ? List.of() : fromOutcomes(outcomes, current);
        }
        if (outcomes != null && !outcomes.stream().map(String::strip).toList()
                .equals(findings.stream().map(finding -> finding.statement().strip()).toList())) {
            errors.add(new FieldError("outcomes", "is deprecated and read-only beside findings: leave it out, or send the "
                    + "statements of findings unchanged, in order"));
        }
        Map<String, OutcomeDomain> domains = domains();
        int sources = input.sources() == null ? 0 : input.sources().size();
        List<CaseStudyFinding> resolved = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            FindingInput finding = findings.get(i);
            String field = "findings[" + i + "]";
            OutcomeDomain domain = finding.domain() == null ? null : domains.get(finding.domain());
            if (domain == null && finding.domain() != null) {
                errors.add(new FieldError(field + ".domain", "\"" + finding.domain() + "\"" + SEE_DOMAINS));
            } else if (domain != null && domain.parent == null) {
                errors.add(new FieldError(field + ".domain", "\"" + finding.domain() + "\" is a group of outcome domains; "
                        + "give one of the domains under it"));
            }
            Measure measure = finding.measure();
            if (measure != null && measure.effectSize() != null && measure.effectSizeKind() == null) {
                errors.add(new FieldError(field + ".measure.effectSizeKind", "is required with measure.effectSize"));
            }
            List<FindingSource> cited = finding.sources() == null ? List.of() : finding.sources();
            for (int j = 0; j < cited.size(); j++) {
                if (cited.get(j).index() >= sources) {
                    errors.add(new FieldError(field + ".sources[" + j + "].index", "must name one of the case study's "
                            + sources + " sources: 0 to " + (sources - 1)));
                }
            }
            resolved.add(toEntity(finding, domain));
        }
        return resolved;
    }

    /**
     * A write in the deprecated shape: each string keeps the finding at its position if it is that finding's statement
     * (a client that read outcomes and sends them back loses nothing), and is otherwise a finding with no domain and
     * no reported direction.
     */
    private static List<CaseStudyFinding> fromOutcomes(List<String> outcomes, List<CaseStudyFinding> current) {
        List<CaseStudyFinding> resolved = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String statement = outcomes.get(i).strip();
            CaseStudyFinding kept = i < current.size() && current.get(i).statement.equals(statement) ? current.get(i) : null;
            resolved.add(kept != null ? copy(kept) : unclassified(statement));
        }
        return resolved;
    }

    private static CaseStudyFinding unclassified(String statement) {
        CaseStudyFinding finding = new CaseStudyFinding();
        finding.statement = statement;
        finding.direction = Direction.NOT_REPORTED;
        return finding;
    }

    private static CaseStudyFinding copy(CaseStudyFinding from) {
        CaseStudyFinding finding = new CaseStudyFinding();
        finding.domain = from.domain;
        finding.statement = from.statement;
        finding.direction = from.direction;
        finding.measureWhat = from.measureWhat;
        finding.measureValue = from.measureValue;
        finding.measureUnit = from.measureUnit;
        finding.measureComparison = from.measureComparison;
        finding.effectSize = from.effectSize;
        finding.effectSizeKind = from.effectSizeKind;
        finding.evidenceLevel = from.evidenceLevel;
        finding.evidenceRationale = from.evidenceRationale;
        from.sources.forEach(source -> finding.sources.add(citation(source.sourceIndex, source.locator)));
        return finding;
    }

    private static CaseStudyFinding toEntity(FindingInput input, OutcomeDomain domain) {
        CaseStudyFinding finding = new CaseStudyFinding();
        finding.domain = domain;
        finding.statement = input.statement().strip();
        finding.direction = input.direction() == null ? Direction.NOT_REPORTED : input.direction();
        Measure measure = input.measure();
        if (measure != null && !measure.isEmpty()) {
            finding.measureWhat = CaseStudyMapper.blankToNull(measure.what());
            finding.measureValue = measure.value();
            finding.measureUnit = CaseStudyMapper.blankToNull(measure.unit());
            finding.measureComparison = measure.comparison();
            finding.effectSize = measure.effectSize();
            finding.effectSizeKind = measure.effectSizeKind();
        }
        if (input.evidence() != null) {
            finding.evidenceLevel = input.evidence().level();
            finding.evidenceRationale = input.evidence().rationale().strip();
        }
        if (input.sources() != null) {
            input.sources().forEach(source -> finding.sources.add(citation(source.index(), CaseStudyMapper.blankToNull(source.locator()))));
        }
        return finding;
    }

    private static FindingCitation citation(int index, String locator) {
        FindingCitation citation = new FindingCitation();
        citation.sourceIndex = index;
        citation.locator = locator;
        return citation;
    }

    private Map<String, OutcomeDomain> domains() {
        return entities.createQuery("select d from OutcomeDomain d left join fetch d.parent", OutcomeDomain.class)
                .getResultStream().collect(Collectors.toMap(d -> d.slug, Function.identity()));
    }
}
