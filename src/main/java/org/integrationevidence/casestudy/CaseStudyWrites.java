package org.integrationevidence.casestudy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.approach.Approach;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.http.IfMatch;
import org.integrationevidence.http.MergePatch;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.journal.ChangeJournal;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.persistence.UniqueConstraints;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.web.ProblemMappers;

/**
 * Creating and changing case studies: the checks every write of a case study passes (Bean Validation, the service's
 * own content rules, the statuses a role may set, slugs), full and partial replacement, restoring an old revision,
 * and the checks a bulk import runs before it writes. Every write keeps a revision and a journal entry.
 */
@ApplicationScoped
@Transactional
public class CaseStudyWrites {

    /** Size of the body_html column: escaping and markup can make the HTML several times longer than the Markdown. */
    static final int MAX_BODY_HTML_LENGTH = 400_000;

    /** Size of the revision reason column: a reason given with a change, or a workflow note. */
    public static final int MAX_REASON_LENGTH = 2000;

    @Inject
    CaseStudyRepository caseStudies;

    @Inject
    CaseStudyLookup lookup;

    @Inject
    CaseStudySlugs slugs;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    FindingRules findingRules;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    RevisionHistory revisions;

    @Inject
    ChangeJournal journal;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    /**
     * Creates a case study owned by the author's key holder. Curators create drafts only; editors may publish at
     * once, and publish by default.
     */
    public CaseStudyView create(@NotNull(message = ApiException.BODY_REQUIRED) @Valid CaseStudyInput input,
            @NotNull KeyHolder author) {
        return create(input, author, null);
    }

    /** As {@link #create(CaseStudyInput, KeyHolder)}, keeping {@code reason} with the first revision. */
    public CaseStudyView create(@NotNull(message = ApiException.BODY_REQUIRED) @Valid CaseStudyInput input,
            @NotNull KeyHolder author, String reason) {
        String why = reason(reason);
        List<FieldError> errors = new ArrayList<>();
        checkStatus(input.status(), author, errors);
        String bodyHtml = markdown.toSafeHtml(input.body());
        Content content = checkContent(input, List.of(), bodyHtml, errors);
        CaseStudyStatus status = CaseStudySlugs.statusOnCreate(input, author);
        String scope = CaseStudySlugs.scopeOf(status, author);
        String slug = input.slug() == null ? slugs.freeSlug(input.title(), scope, author) : input.slug();
        if (input.slug() != null && slugs.slugTaken(slug, scope, null, author)) {
            throw CaseStudySlugs.taken(slug);
        }
        CaseStudy caseStudy = new CaseStudy();
        caseStudy.slug = slug;
        caseStudy.slugScope = scope;
        caseStudy.status = status;
        caseStudy.owner = author.owner();
        caseStudy.createdAt = Timestamps.now();
        caseStudy.updatedAt = caseStudy.createdAt;
        CaseStudyMapper.apply(input, content.approaches(), content.findings(), bodyHtml, caseStudy);
        UniqueConstraints.flushOr(() -> caseStudies.persistAndFlush(caseStudy), CaseStudySlugs.taken(slug));
        revisions.record(caseStudy, RevisionAction.CREATE, why, author.author());
        journal.record(caseStudy.id);
        return CaseStudyMapper.toView(caseStudy);
    }

    /**
     * Full replace: every client-owned field takes the new value; an absent status keeps the current one; a new
     * slug renames the case study, and the old one redirects to it for good. Editors replace any case study;
     * curators only their own drafts.
     */
    public CaseStudyView replace(CaseStudyRef ref, @NotNull(message = ApiException.BODY_REQUIRED) @Valid CaseStudyInput input,
            @NotNull KeyHolder caller, @NotNull IfMatch ifMatch, String reason) {
        String why = reason(reason);
        CaseStudy caseStudy = lookup.findEditable(ref, caller, ifMatch);
        return apply(caseStudy, input, caller, RevisionAction.UPDATE, why);
    }

    /**
     * Partial update with a JSON Merge Patch (RFC 7386) of the fields PUT takes: the patch is merged into the
     * case study as PUT would send it, and the result is checked and written exactly as a PUT of it would be.
     */
    public CaseStudyView patch(CaseStudyRef ref, @NotNull(message = ApiException.BODY_REQUIRED) JsonNode patch,
            @NotNull KeyHolder caller, @NotNull IfMatch ifMatch, String reason) throws JsonProcessingException {
        String why = reason(reason);
        CaseStudy caseStudy = lookup.findEditable(ref, caller, ifMatch);
        if (!patch.isObject()) {
            throw ApiException.invalid(ProblemMappers.ROOT_FIELD, "must be a JSON object: a merge patch of the case study's fields");
        }
        JsonNode merged = MergePatch.apply(json.valueToTree(CaseStudyMapper.toInput(caseStudy)), patch);
        if (patch.has("outcomes") && !patch.has("findings") && merged instanceof ObjectNode object) {
            // A patch in the deprecated shape: its outcomes are read as a PUT of them alone would be (see FindingRules).
            object.remove("findings");
        }
        // Unknown or server-owned fields in the patch fail here, as in a PUT body: 400 naming the field.
        CaseStudyInput input = validated(json.treeToValue(merged, CaseStudyInput.class));
        return apply(caseStudy, input, caller, RevisionAction.UPDATE, why);
    }

    /**
     * Makes the content of an old revision current again, as a new revision: history is only ever added to. The
     * slug and status stay as they are now (a restore neither renames nor publishes); the content is checked as a
     * PUT of it would be, so a revision that tags an approach since deleted cannot come back unchanged.
     */
    public CaseStudyView restore(CaseStudyRef ref, int number, @NotNull KeyHolder caller, @NotNull IfMatch ifMatch, String reason) {
        String why = reason(reason);
        CaseStudy caseStudy = lookup.findEditable(ref, caller, ifMatch);
        // Checked against today's rules, which may be stricter than those the revision was written under.
        CaseStudyInput restored = validated(revisions.snapshot(caseStudy.id, caseStudy.slug, number).withSlugAndStatus(null, null));
        return apply(caseStudy, restored, caller, RevisionAction.RESTORE,
                why != null ? why : "Restored revision " + number + ".");
    }

    /** Bean Validation of an input built here rather than received by an endpoint, which validates its own. */
    private CaseStudyInput validated(CaseStudyInput input) {
        Set<ConstraintViolation<CaseStudyInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    private CaseStudyView apply(CaseStudy caseStudy, CaseStudyInput input, KeyHolder caller, RevisionAction action,
            String reason) {
        List<FieldError> errors = new ArrayList<>();
        checkStatus(input.status(), caller, errors);
        String bodyHtml = markdown.toSafeHtml(input.body());
        Content content = checkContent(input, caseStudy.findings, bodyHtml, errors);
        boolean renamed = input.slug() != null && !input.slug().equals(caseStudy.slug);
        if (renamed) {
            slugs.rename(caseStudy, input.slug(), caller);
        }
        if (input.status() == CaseStudyStatus.PUBLISHED) {
            slugs.publish(caseStudy, caller);
        }
        CaseStudyMapper.apply(input, content.approaches(), content.findings(), bodyHtml, caseStudy);
        if (input.status() != null) {
            caseStudy.status = input.status();
        }
        caseStudy.updatedAt = Timestamps.now();
        UniqueConstraints.flushOr(caseStudies::flush, CaseStudySlugs.taken(caseStudy.slug));
        revisions.record(caseStudy, renamed && action == RevisionAction.UPDATE ? RevisionAction.RENAME : action, reason,
                caller.author());
        journal.record(caseStudy.id);
        return CaseStudyMapper.toView(caseStudy);
    }

    /**
     * The field errors that a {@link #create} of {@code input} by {@code author} would be refused with, found without
     * writing or throwing: a bulk import checks every row before it writes any. Bean Validation first, then the
     * service's own rules, as create does; a given slug that is taken is an error too.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldError> createErrors(CaseStudyInput input, KeyHolder author) {
        List<FieldError> violations = validator.validate(input).stream()
                .map(violation -> new FieldError(ProblemMappers.fieldPath(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field)).distinct().toList();
        if (!violations.isEmpty()) {
            return violations;
        }
        List<FieldError> errors = new ArrayList<>();
        checkStatus(input.status(), author, errors);
        contentErrors(input, List.of(), markdown.toSafeHtml(input.body()), errors);
        if (input.slug() != null && slugs.slugTaken(input.slug(), CaseStudySlugs.scopeOf(CaseStudySlugs.statusOnCreate(input, author), author), null, author)) {
            errors.add(new FieldError("slug", "is taken: a case study with the slug \"" + input.slug() + "\" already exists"));
        }
        return errors;
    }

    /**
     * The slug that create would derive from {@code input}'s title for {@code author}, avoiding also the slugs
     * {@code alsoTaken} (an import's own).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String freeSlug(CaseStudyInput input, KeyHolder author, Predicate<String> alsoTaken) {
        String scope = CaseStudySlugs.scopeOf(CaseStudySlugs.statusOnCreate(input, author), author);
        return Slugs.firstFree(input.title(), slug -> alsoTaken.test(slug) || slugs.slugTaken(slug, scope, null, author));
    }

    /** Mass assignment: a status that the caller's role may not set is refused, never silently dropped. */
    private static void checkStatus(CaseStudyStatus status, KeyHolder caller, List<FieldError> errors) {
        if (status == CaseStudyStatus.WITHDRAWN) {
            errors.add(new FieldError("status", "must be draft or published; withdraw a case study with DELETE"));
        } else if (status == CaseStudyStatus.IN_REVIEW) {
            errors.add(new FieldError("status", "must be draft or published; submit a draft for review with the submit transition"));
        } else if (status == CaseStudyStatus.PUBLISHED && !caller.isEditor()) {
            errors.add(new FieldError("status", "cannot be set to published by a curator; only editors publish"));
        }
    }

    /** What an input tags and finds, resolved against the vocabularies. */
    private record Content(Set<Approach> approaches, List<CaseStudyFinding> findings) {
    }

    /**
     * Checks what Bean Validation cannot see alone (see {@link #contentErrors}) and refuses the input, with every
     * error in {@code errors}, if anything is wrong; otherwise gives the approaches it tags and the findings to write.
     */
    private Content checkContent(CaseStudyInput input, List<CaseStudyFinding> current, String bodyHtml,
            List<FieldError> errors) {
        Content content = contentErrors(input, current, bodyHtml, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return content;
    }

    /**
     * Adds to {@code errors} what Bean Validation cannot see alone: taxonomy and outcome-domain slugs, rules across
     * fields, the rendered body's size. Gives the approaches that the input's slugs name and the findings to write,
     * given the case study's {@code current} ones (for the deprecated outcomes).
     */
    private Content contentErrors(CaseStudyInput input, List<CaseStudyFinding> current, String bodyHtml,
            List<FieldError> errors) {
        Set<Approach> tagged = taxonomy.resolveForTagging(
                input.approaches() == null ? List.of() : input.approaches(), errors);
        List<CaseStudyFinding> findings = findingRules.resolve(input, current, errors);
        Period period = input.period();
        if (period != null) {
            if (period.startYear() != null && period.endYear() != null && period.endYear() < period.startYear()) {
                errors.add(new FieldError("period.endYear", "must not be before period.startYear"));
            }
            if (Boolean.TRUE.equals(period.ongoing()) && period.endYear() != null) {
                errors.add(new FieldError("period.ongoing", "cannot be true when period.endYear is given"));
            }
        }
        Place place = input.place();
        if ((place.latitude() == null) != (place.longitude() == null)) {
            errors.add(new FieldError(place.latitude() == null ? "place.latitude" : "place.longitude",
                    "must be given together with " + (place.latitude() == null ? "place.longitude" : "place.latitude")));
        }
        String subdivision = place.subdivisionCode() == null || place.subdivisionCode().isBlank() ? null : place.subdivisionCode().strip();
        if (subdivision != null && place.countryCode() != null && !subdivision.startsWith(place.countryCode() + "-")) {
            errors.add(new FieldError("place.subdivisionCode", "must start with the place's countryCode, "
                    + place.countryCode() + "-"));
        }
        String nuts = place.nutsCode() == null || place.nutsCode().isBlank() ? null : place.nutsCode().strip();
        if (nuts != null && place.countryCode() != null && !nuts.startsWith(nutsCountry(place.countryCode()))) {
            errors.add(new FieldError("place.nutsCode", "must start with the NUTS code of the place's country, "
                    + nutsCountry(place.countryCode())));
        }
        if (bodyHtml.length() > MAX_BODY_HTML_LENGTH) {
            errors.add(new FieldError("body", "renders to more than " + MAX_BODY_HTML_LENGTH
                    + " characters of HTML; shorten it or use less markup"));
        }
        return new Content(tagged, findings);
    }

    /** The country part of a NUTS code: the ISO code, but EL for Greece and UK for the United Kingdom. */
    static String nutsCountry(String countryCode) {
        return switch (countryCode) {
            case "GR" -> "EL";
            case "GB" -> "UK";
            default -> countryCode;
        };
    }

    /** The reason given with a change: stripped, null if blank, and no longer than the column. */
    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.strip().length() > MAX_REASON_LENGTH) {
            throw ApiException.invalid("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        return reason.strip();
    }
}
