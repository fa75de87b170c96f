package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.approach.Approach;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.common.ApiException;
import org.integrationevidence.common.BoundedMaps;
import org.integrationevidence.common.Cursor;
import org.integrationevidence.common.FieldError;
import org.integrationevidence.common.IfMatch;
import org.integrationevidence.common.MergePatch;
import org.integrationevidence.common.MovedPermanently;
import org.integrationevidence.common.Page;
import org.integrationevidence.common.ProblemMappers;
import org.integrationevidence.common.ProblemType;
import org.integrationevidence.common.ServerSecrets;
import org.integrationevidence.common.Slugs;
import org.integrationevidence.common.Timestamps;
import org.integrationevidence.common.UniqueConstraints;

/**
 * Every read and write of case studies goes through here, so that rules (validation, visibility, roles, the
 * workflow, revisions and renames) live in one place and no resource touches an entity.
 */
@ApplicationScoped
@Transactional
public class CaseStudyService {

    /** Size of the body_html column: escaping and markup can make the HTML several times longer than the Markdown. */
    static final int MAX_BODY_HTML_LENGTH = 400_000;

    /** Size of the revision reason column: a reason given with a change, or a workflow note. */
    public static final int MAX_REASON_LENGTH = 2000;

    /** Paths under /api/v1/case-studies/ that are not case studies: a case study with one would be unreachable. */
    private static final Set<String> RESERVED_SLUGS = Set.of("export");

    /** Where case studies live in the API, for redirects from renamed slugs. */
    static final String COLLECTION_PATH = "/api/v1/case-studies";

    /** The most views of published case studies kept for {@link #get(String, KeyHolder, PublishedState, String)}. */
    static final int MAX_CACHED_VIEWS = 1000;

    /** Names the secret that signs revision paging cursors. */
    private static final String REVISION_CURSOR_KEY = "revision-cursor";

    /** Who the revisions of changes made by the service itself, not by a key holder, name. */
    static final String SYSTEM_AUTHOR = "system";

    @Inject
    CaseStudyRepository caseStudies;

    /** A published case study as last read by slug, with the versions it was read at. */
    private record CachedView(long id, long version, String taxonomyVersion, CaseStudyView view) {
    }

    /** By slug; see {@link #get(String, KeyHolder, PublishedState, String)}. */
    private final ConcurrentHashMap<String, CachedView> publishedViews = new ConcurrentHashMap<>();

    /** The most published states kept for {@link #publishedState(String)}: small records, one per slug. */
    static final int MAX_CACHED_STATES = 10_000;

    /** How long {@link #publishedState(String)} reuses a state it read: 1 s. */
    static final long PUBLISHED_STATE_TTL_NANOS = 1_000_000_000L;

    /** A published case study's state as last read by slug, and when. */
    private record CachedState(PublishedState state, long readAtNanos) {
    }

    /** By slug; see {@link #publishedState(String)}. */
    private final ConcurrentHashMap<String, CachedState> publishedStates = new ConcurrentHashMap<>();

    /** Counts the commits that dropped {@link #publishedStates}, so that a read that raced one is not kept. */
    private final AtomicLong publishedStatesGeneration = new AtomicLong();

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    ChangeJournal journal;

    @Inject
    TransitionRepository transitions;

    @Inject
    RevisionHistory revisions;

    @Inject
    SlugAliasRepository aliases;

    @Inject
    ServerSecrets secrets;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    /**
     * Which of these case studies exist now in one of the statuses: search results come from the index, which may
     * be a moment behind, and are only served if the database agrees.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> idsIn(Collection<Long> ids, Set<CaseStudyStatus> statuses) {
        return ids.isEmpty() ? Set.of() : Set.copyOf(caseStudies.findIdsIn(ids, statuses));
    }

    /**
     * The case studies with these ids that are in one of the statuses now, in the order of the ids, in full. Each call
     * is a transaction of its own, so that a long export holds one batch of entities in memory at a time.
     */
    @Transactional
    public List<CaseStudyView> views(List<Long> ids, Set<CaseStudyStatus> statuses) {
        Map<Long, CaseStudy> byId = caseStudies.findWithIds(ids).stream()
                .filter(caseStudy -> statuses.contains(caseStudy.status))
                .collect(Collectors.toMap(caseStudy -> caseStudy.id, caseStudy -> caseStudy));
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(CaseStudyMapper::toView).toList();
    }

    /**
     * The listed case studies in full, in the list's order, read in one query: for a page of a list served in a
     * format that carries every field (CSV). Each is left out if it has left the status it was listed in since the
     * index answered, as an export leaves it out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseStudyView> viewsOf(List<CaseStudySummary> listed) {
        Map<String, CaseStudy> bySlug = caseStudies.findWithPublicSlugs(listed.stream().map(CaseStudySummary::slug).toList())
                .stream().collect(Collectors.toMap(caseStudy -> caseStudy.slug, caseStudy -> caseStudy));
        return listed.stream()
                .map(summary -> {
                    CaseStudy caseStudy = bySlug.get(summary.slug());
                    return caseStudy != null && caseStudy.status == summary.status() ? caseStudy : null;
                })
                .filter(Objects::nonNull).map(CaseStudyMapper::toView).toList();
    }

    /** The id of a published case study, or 404 / 410 as for an anonymous GET. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long servableId(String slug) {
        return findVisible(CaseStudyRef.of(slug), null).id;
    }

    /** The indexable form of the case studies with these ids; ids that no longer exist are left out. */
    public List<IndexableCaseStudy> indexable(Collection<Long> ids) {
        return caseStudies.findWithIds(ids).stream().map(this::toIndexable).toList();
    }

    /** Up to {@code limit} case studies in id order after {@code afterId}, in indexable form: to rebuild an index. */
    public List<IndexableCaseStudy> indexableAfter(long afterId, int limit) {
        return caseStudies.findAfterId(afterId, limit).stream().map(this::toIndexable).toList();
    }

    /**
     * A case study by slug, as {@code viewer} may see it: a published one for everyone; a draft for editors and for
     * the curator who owns it, and 404 for everyone else, so that nobody learns that it exists; a withdrawn one is
     * 410 Gone, to everyone if it was ever published, else as a draft is.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseStudyView get(CaseStudyRef ref, KeyHolder viewer) {
        return CaseStudyMapper.toView(findVisible(ref, viewer));
    }

    /**
     * What the HTTP validators of a published case study are made of, read alone: one row of three columns instead
     * of the case study and its seven collections.
     */
    public record PublishedState(long id, long version, Instant updatedAt) {
    }

    /**
     * The state of the published case study with this slug; empty for any other (a draft, a withdrawn one, none).
     * Every GET of a case study asks, so a state read is reused for {@link #PUBLISHED_STATE_TTL_NANOS}: a change
     * committed here drops every reused state at once, and one committed through another instance sharing the
     * database is seen within that time.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PublishedState> publishedState(String slug) {
        CachedState cached = publishedStates.get(slug);
        long now = System.nanoTime();
        if (cached != null && now - cached.readAtNanos() < PUBLISHED_STATE_TTL_NANOS) {
            return Optional.of(cached.state());
        }
        long generation = publishedStatesGeneration.get();
        Optional<PublishedState> state = caseStudies.findPublishedState(slug);
        // A change that committed while this read ran may not be in it: then it is not kept.
        if (state.isPresent() && publishedStatesGeneration.get() == generation) {
            BoundedMaps.put(publishedStates, slug, new CachedState(state.get(), now), MAX_CACHED_STATES);
        }
        return state;
    }

    /** Drops the reused states as soon as a change of case studies commits here. */
    void onCommit(@Observes ChangeJournal.CaseStudiesCommitted event) {
        publishedStatesGeneration.incrementAndGet();
        publishedStates.clear();
    }

    /**
     * As {@link #get(String, KeyHolder)}, reusing the view of a published case study read before when it is still
     * at {@code state} (the same id and version) and the taxonomy, whose names the view embeds, at the same
     * {@code taxonomyVersion}: views are immutable, and the version changes with every change of the case study.
     * {@code taxonomyVersion} must have been read before this call, so that a view is never kept under a newer one
     * than it was built from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseStudyView get(CaseStudyRef ref, KeyHolder viewer, PublishedState state, String taxonomyVersion) {
        CachedView cached = state == null ? null : publishedViews.get(ref.slug());
        if (cached != null && cached.id() == state.id() && cached.version() == state.version()
                && cached.taxonomyVersion().equals(taxonomyVersion)) {
            return cached.view();
        }
        CaseStudy caseStudy = findVisible(ref, viewer);
        CaseStudyView view = CaseStudyMapper.toView(caseStudy);
        if (caseStudy.status == CaseStudyStatus.PUBLISHED) {
            BoundedMaps.put(publishedViews, caseStudy.slug, new CachedView(caseStudy.id, caseStudy.version, taxonomyVersion, view),
                    MAX_CACHED_VIEWS);
        }
        return view;
    }

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
        Set<Approach> tagged = checkContent(input, bodyHtml, errors);
        CaseStudyStatus status = statusOnCreate(input, author);
        String scope = scopeOf(status, author);
        String slug = input.slug() == null ? freeSlug(input.title(), scope, author) : input.slug();
        if (input.slug() != null && slugTaken(slug, scope, null, author)) {
            throw slugTaken(slug);
        }
        CaseStudy caseStudy = new CaseStudy();
        caseStudy.slug = slug;
        caseStudy.slugScope = scope;
        caseStudy.status = status;
        caseStudy.owner = author.owner();
        caseStudy.createdAt = Timestamps.now();
        caseStudy.updatedAt = caseStudy.createdAt;
        CaseStudyMapper.apply(input, tagged, bodyHtml, caseStudy);
        UniqueConstraints.flushOr(() -> caseStudies.persistAndFlush(caseStudy), slugTaken(slug));
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
        CaseStudy caseStudy = findEditable(ref, caller, ifMatch);
        return apply(caseStudy, input, caller, RevisionAction.UPDATE, why);
    }

    /**
     * Partial update with a JSON Merge Patch (RFC 7386) of the fields PUT takes: the patch is merged into the
     * case study as PUT would send it, and the result is checked and written exactly as a PUT of it would be.
     */
    public CaseStudyView patch(CaseStudyRef ref, @NotNull(message = ApiException.BODY_REQUIRED) JsonNode patch,
            @NotNull KeyHolder caller, @NotNull IfMatch ifMatch, String reason) throws JsonProcessingException {
        String why = reason(reason);
        CaseStudy caseStudy = findEditable(ref, caller, ifMatch);
        if (!patch.isObject()) {
            throw ApiException.invalid(ProblemMappers.ROOT_FIELD, "must be a JSON object: a merge patch of the case study's fields");
        }
        JsonNode merged = MergePatch.apply(json.valueToTree(CaseStudyMapper.toInput(caseStudy)), patch);
        // Unknown or server-owned fields in the patch fail here, as in a PUT body: 400 naming the field.
        CaseStudyInput input = validated(json.treeToValue(merged, CaseStudyInput.class));
        return apply(caseStudy, input, caller, RevisionAction.UPDATE, why);
    }

    /**
     * The case study read again with its row locked until the write commits: writes of one case study take turns,
     * each on the version the one before left. A write that names the version it read (If-Match) is then checked
     * against the version it would overwrite, and one that sends {@code If-Match: *} ("whatever is current", RFC
     * 9110) applies to it, instead of failing on a version that changed under it.
     */
    private CaseStudy lockedForWrite(CaseStudy caseStudy) {
        caseStudies.getEntityManager().refresh(caseStudy, LockModeType.PESSIMISTIC_WRITE);
        return caseStudy;
    }

    /** Bean Validation of an input built here rather than received by an endpoint, which validates its own. */
    private CaseStudyInput validated(CaseStudyInput input) {
        Set<ConstraintViolation<CaseStudyInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    /** A case study the caller may change, at the version the caller read. */
    private CaseStudy findEditable(CaseStudyRef ref, KeyHolder caller, IfMatch ifMatch) {
        CaseStudy caseStudy = lockedForWrite(findVisible(ref, caller));
        if (!caller.isEditor() && caseStudy.status != CaseStudyStatus.DRAFT) {
            throw new ApiException(ProblemType.FORBIDDEN, "Curators edit only their own drafts; \"" + ref.slug() + "\" is "
                    + caseStudy.status + ". Ask an editor.");
        }
        ifMatch.check(caseStudy.version, "The case study \"" + ref.slug() + "\"");
        return caseStudy;
    }

    private CaseStudyView apply(CaseStudy caseStudy, CaseStudyInput input, KeyHolder caller, RevisionAction action,
            String reason) {
        List<FieldError> errors = new ArrayList<>();
        checkStatus(input.status(), caller, errors);
        String bodyHtml = markdown.toSafeHtml(input.body());
        Set<Approach> tagged = checkContent(input, bodyHtml, errors);
        boolean renamed = input.slug() != null && !input.slug().equals(caseStudy.slug);
        if (renamed) {
            rename(caseStudy, input.slug(), caller);
        }
        if (input.status() == CaseStudyStatus.PUBLISHED) {
            publish(caseStudy, caller);
        }
        CaseStudyMapper.apply(input, tagged, bodyHtml, caseStudy);
        if (input.status() != null) {
            caseStudy.status = input.status();
        }
        caseStudy.updatedAt = Timestamps.now();
        UniqueConstraints.flushOr(caseStudies::flush, slugTaken(caseStudy.slug));
        revisions.record(caseStudy, renamed && action == RevisionAction.UPDATE ? RevisionAction.RENAME : action, reason,
                caller.author());
        journal.record(caseStudy.id);
        return CaseStudyMapper.toView(caseStudy);
    }

    /**
     * Gives the case study a new slug. Once it has been published, the old one becomes an alias that redirects to it
     * for good and is never given to another case study (renaming back to an old slug of the same case study takes
     * that alias back); before, the old slug was never public, and is simply free again.
     */
    private void rename(CaseStudy caseStudy, String newSlug, KeyHolder caller) {
        SlugAlias formerName = aliases.findById(newSlug);
        if (formerName != null && formerName.caseStudyId.equals(caseStudy.id)) {
            aliases.delete(formerName);
        } else if (slugTaken(newSlug, caseStudy.slugScope, caseStudy.id, caller)) {
            throw slugTaken(newSlug);
        }
        if (caseStudy.publishedOnce()) {
            SlugAlias alias = new SlugAlias();
            alias.slug = caseStudy.slug;
            alias.caseStudyId = caseStudy.id;
            alias.createdAt = Timestamps.now();
            aliases.persist(alias);
        }
        caseStudy.slug = newSlug;
    }

    /**
     * A case study about to be published for the first time takes its slug into the public scope, where it must be
     * free: of every other case study's (the publisher is an editor, who sees every draft) and of every former slug.
     */
    private void publish(CaseStudy caseStudy, KeyHolder publisher) {
        if (caseStudy.publishedOnce()) {
            return;
        }
        if (slugTaken(caseStudy.slug, CaseStudy.PUBLIC_SCOPE, caseStudy.id, publisher)) {
            throw new ApiException(ProblemType.SLUG_TAKEN, "Another case study already has the slug \"" + caseStudy.slug
                    + "\": give this one another slug before publishing it.");
        }
        caseStudy.slugScope = CaseStudy.PUBLIC_SCOPE;
    }

    /**
     * Withdraws a case study, as the withdraw transition: the row is kept for the record, and the slug answers
     * 410 Gone from now on. Editors only.
     */
    public void withdraw(CaseStudyRef ref, @NotNull KeyHolder editor, @NotNull IfMatch ifMatch, String reason) {
        transition(ref, new TransitionInput(Transition.WITHDRAW, reason(reason)), editor, ifMatch);
    }

    /**
     * Moves a case study through the review workflow. Curators may only submit their own drafts; a move that the
     * case study's status does not allow is 409 and names the moves it does allow. {@code ifMatch} is checked when
     * given (null: not sent).
     */
    public CaseStudyView transition(CaseStudyRef ref, @NotNull(message = ApiException.BODY_REQUIRED) @Valid TransitionInput input,
            @NotNull KeyHolder caller, IfMatch ifMatch) {
        String slug = ref.slug();
        CaseStudy caseStudy = lockedForWrite(input.action() == Transition.RESTORE && caller.isEditor()
                ? findAny(ref, caller)
                : findVisible(ref, caller));
        Transition action = input.action();
        if (action.editorsOnly() && !caller.isEditor()) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only editors may " + action + " a case study; curators submit "
                    + "their drafts for review.");
        }
        if (!action.allowedFrom(caseStudy.status)) {
            List<Transition> allowed = Transition.allowed(caseStudy.status, caller.isEditor());
            String allowedText = allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().map(Transition::toString).toList());
            throw new ApiException(ProblemType.CONFLICT, "The move \"" + action + "\" is not possible for a case study that is "
                    + caseStudy.status + "; allowed now: " + allowedText + ".",
                    List.of(new FieldError("action", "allowed now: " + allowedText)));
        }
        if (ifMatch != null) {
            ifMatch.check(caseStudy.version, "The case study \"" + slug + "\"");
        }
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (action.needsNote() && note == null) {
            throw ApiException.invalid("note", "is required to " + action + " a case study: say what to change");
        }
        if (action.to() == CaseStudyStatus.PUBLISHED) {
            publish(caseStudy, caller);
        }
        TransitionRecord record = new TransitionRecord();
        record.caseStudyId = caseStudy.id;
        record.action = action;
        record.fromStatus = caseStudy.status;
        record.toStatus = action.to();
        record.note = note;
        record.madeBy = caller.author();
        record.madeAt = Timestamps.now();
        transitions.persist(record);
        caseStudy.status = action.to();
        caseStudy.updatedAt = record.madeAt;
        UniqueConstraints.flushOr(caseStudies::flush, slugTaken(caseStudy.slug));
        revisions.record(caseStudy, RevisionAction.TRANSITION, note, caller.author());
        journal.record(caseStudy.id);
        return CaseStudyMapper.toView(caseStudy);
    }

    /** The workflow moves of a case study, oldest first: for its curator and editors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransitionView> transitions(CaseStudyRef ref, @NotNull KeyHolder caller) {
        CaseStudy caseStudy = findWithHistory(ref, caller);
        return transitions.list("caseStudyId = ?1 order by id", caseStudy.id).stream().map(TransitionView::of).toList();
    }

    /** Every revision of a case study, oldest first: for its curator and editors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RevisionSummary> revisions(CaseStudyRef ref, @NotNull KeyHolder caller, String cursor, int limit) {
        CaseStudy caseStudy = findWithHistory(ref, caller);
        int after = cursor == null ? 0
                : (int) Cursor.positionIn(secrets.get(REVISION_CURSOR_KEY), cursor, caseStudy.id.toString());
        List<RevisionSummary> page = revisions.summaries(caseStudy.id, after, limit + 1);
        boolean more = page.size() > limit;
        List<RevisionSummary> items = more ? page.subList(0, limit) : page;
        String next = more ? Cursor.position(secrets.get(REVISION_CURSOR_KEY), caseStudy.id.toString(),
                items.get(limit - 1).number()) : null;
        return new Page<>(List.copyOf(items), revisions.count(caseStudy.id), next);
    }

    /** One revision of a case study with its full snapshot: for its curator and editors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RevisionView revision(CaseStudyRef ref, int number, @NotNull KeyHolder caller) {
        CaseStudy caseStudy = findWithHistory(ref, caller);
        return revisions.view(caseStudy.id, caseStudy.slug, number);
    }

    /**
     * What changed from revision {@code from} to revision {@code to}; {@code from} 0 stands for nothing, so that
     * every field of the first revision shows as added.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RevisionDiff diff(CaseStudyRef ref, int from, int to, @NotNull KeyHolder caller) {
        CaseStudy caseStudy = findWithHistory(ref, caller);
        return revisions.diff(caseStudy.id, caseStudy.slug, from, to);
    }

    /**
     * Makes the content of an old revision current again, as a new revision: history is only ever added to. The
     * slug and status stay as they are now (a restore neither renames nor publishes); the content is checked as a
     * PUT of it would be, so a revision that tags an approach since deleted cannot come back unchanged.
     */
    public CaseStudyView restore(CaseStudyRef ref, int number, @NotNull KeyHolder caller, @NotNull IfMatch ifMatch, String reason) {
        String why = reason(reason);
        CaseStudy caseStudy = findEditable(ref, caller, ifMatch);
        // Checked against today's rules, which may be stricter than those the revision was written under.
        CaseStudyInput restored = validated(revisions.snapshot(caseStudy.id, caseStudy.slug, number).withSlugAndStatus(null, null));
        return apply(caseStudy, restored, caller, RevisionAction.RESTORE,
                why != null ? why : "Restored revision " + number + ".");
    }

    /** A case study whose history the caller may read: editors any (withdrawn too), curators their own. */
    private CaseStudy findWithHistory(CaseStudyRef ref, KeyHolder caller) {
        CaseStudy caseStudy = caller.isEditor() ? findAny(ref, caller) : findVisible(ref, caller);
        if (!caller.isEditor() && !caller.owner().equals(caseStudy.owner)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only editors and the case study's curator see its history.");
        }
        return caseStudy;
    }

    /**
     * Records a change of every case study tagged with one of the approaches, whose names or place in the tree
     * changed: the case studies themselves are unchanged, but what search knows of them is not.
     */
    public void recordTaxonomyChange(Collection<Long> approachIds) {
        journal.recordTaggedWithAny(approachIds);
    }

    /** How many draft or published case studies are tagged with the approach. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countLiveTaggedWith(Approach approach) {
        return caseStudies.countTaggedWith(approach, List.of(CaseStudyStatus.DRAFT, CaseStudyStatus.IN_REVIEW, CaseStudyStatus.PUBLISHED));
    }

    /** Removes an approach from withdrawn case studies, which can no longer be edited, before it is deleted. */
    public void untagWithdrawn(Approach approach) {
        List<CaseStudy> tagged = caseStudies.findTaggedWith(approach, CaseStudyStatus.WITHDRAWN);
        tagged.forEach(caseStudy -> caseStudy.approaches.remove(approach));
        caseStudies.flush();
        String reason = "The approach \"" + approach.slug + "\" was deleted from the taxonomy.";
        tagged.forEach(caseStudy -> {
            revisions.record(caseStudy, RevisionAction.UNTAG, reason, SYSTEM_AUTHOR);
            journal.record(caseStudy.id);
        });
    }

    /** For each approach id, the ids of the published case studies tagged with it directly. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<Long>> publishedIdsByApproach() {
        return caseStudies.publishedCaseStudiesByApproach();
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
        contentErrors(input, markdown.toSafeHtml(input.body()), errors);
        if (input.slug() != null && slugTaken(input.slug(), scopeOf(statusOnCreate(input, author), author), null, author)) {
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
        String scope = scopeOf(statusOnCreate(input, author), author);
        return Slugs.firstFree(input.title(), slug -> alsoTaken.test(slug) || slugTaken(slug, scope, null, author));
    }

    private String freeSlug(String title, String scope, KeyHolder author) {
        return Slugs.firstFree(title, slug -> slugTaken(slug, scope, null, author));
    }

    /** The status a created case study gets: the one asked for, else published for editors and draft for curators. */
    private static CaseStudyStatus statusOnCreate(CaseStudyInput input, KeyHolder author) {
        return input.status() != null ? input.status() : author.isEditor() ? CaseStudyStatus.PUBLISHED : CaseStudyStatus.DRAFT;
    }

    /** The slug scope of a new case study: public when published at once, else its curator's (see CaseStudy#slugScope). */
    private static String scopeOf(CaseStudyStatus status, KeyHolder author) {
        return status == CaseStudyStatus.PUBLISHED || author.owner() == null ? CaseStudy.PUBLIC_SCOPE : author.owner();
    }

    /** A case study that {@code viewer} (null: anonymous) may see; see {@link #get}. */
    private CaseStudy findVisible(CaseStudyRef ref, KeyHolder viewer) {
        CaseStudy caseStudy = findAny(ref, viewer);
        if (!visibleTo(caseStudy, viewer)) {
            throw notFound(ref.slug());
        }
        if (caseStudy.status == CaseStudyStatus.WITHDRAWN) {
            throw new ApiException(ProblemType.GONE, "The case study \"" + ref.slug() + "\" has been withdrawn.");
        }
        return caseStudy;
    }

    /**
     * A case study by slug, whatever its status, as {@code viewer} can name it: the one published once with that
     * slug (public slugs are everyone's), else the viewer's own unpublished one, else, for editors, the one
     * unpublished case study of another curator that has it. Several curators' unpublished case studies may share a
     * slug: an editor then says whose with {@code owner}. A slug a published case study was renamed from answers a
     * permanent redirect (only case studies published once keep former slugs).
     */
    private CaseStudy findAny(CaseStudyRef ref, KeyHolder viewer) {
        String slug = ref.slug();
        if (ref.owner() != null) {
            boolean mayName = viewer != null && (viewer.isEditor() || ref.owner().equals(viewer.owner()));
            return (mayName ? caseStudies.findBySlug(ref.owner(), slug) : Optional.<CaseStudy>empty())
                    .orElseThrow(() -> notFound(slug));
        }
        Optional<CaseStudy> found = caseStudies.findBySlug(CaseStudy.PUBLIC_SCOPE, slug);
        if (found.isEmpty() && viewer != null && viewer.owner() != null) {
            found = caseStudies.findBySlug(viewer.owner(), slug);
        }
        if (found.isEmpty() && viewer != null && viewer.isEditor()) {
            List<CaseStudy> unpublished = caseStudies.findAllWithSlug(slug);
            if (unpublished.size() > 1) {
                String owners = String.join(", ", unpublished.stream().map(c -> "\"" + c.owner + "\"").toList());
                throw new ApiException(ProblemType.CONFLICT, "Unpublished case studies of several curators have the slug \""
                        + slug + "\" (owners " + owners + "): say whose with the query parameter "
                        + CaseStudyRef.OWNER_PARAMETER + ".", List.of(new FieldError(CaseStudyRef.OWNER_PARAMETER,
                                "is required to tell apart the case studies of " + owners)));
            }
            found = unpublished.stream().findFirst();
        }
        return found.orElseThrow(() -> {
            SlugAlias alias = aliases.findById(slug);
            if (alias == null) {
                return notFound(slug);
            }
            CaseStudy renamed = caseStudies.findById(alias.caseStudyId);
            return visibleTo(renamed, viewer) ? new MovedPermanently(COLLECTION_PATH, slug, renamed.slug) : notFound(slug);
        });
    }

    private static ApiException notFound(String slug) {
        return ApiException.notFound("There is no case study with the slug \"" + slug + "\".");
    }

    /**
     * Published case studies are public, and so are withdrawn ones that were ever published (as 410); others only to
     * editors and their curator: to anyone else a draft withdrawn before it was published is as unknown as a draft.
     * A curator is an owner, not a key: the keys an admin gave the same owner (a curator's laptop and their import
     * job, a key and its replacement) share their drafts.
     */
    private static boolean visibleTo(CaseStudy caseStudy, KeyHolder viewer) {
        boolean isPublic = caseStudy.status == CaseStudyStatus.PUBLISHED
                || caseStudy.status == CaseStudyStatus.WITHDRAWN && caseStudy.publishedOnce();
        return isPublic || viewer != null && (viewer.isEditor() || Objects.equals(viewer.owner(), caseStudy.owner));
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

    /**
     * Checks what Bean Validation cannot see alone (see {@link #contentErrors}) and refuses the input, with every
     * error in {@code errors}, if anything is wrong; otherwise gives the approaches it tags.
     */
    private Set<Approach> checkContent(CaseStudyInput input, String bodyHtml, List<FieldError> errors) {
        Set<Approach> tagged = contentErrors(input, bodyHtml, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return tagged;
    }

    /**
     * Adds to {@code errors} what Bean Validation cannot see alone: taxonomy slugs, rules across fields, the rendered
     * body's size. Gives the approaches that the input's slugs name.
     */
    private Set<Approach> contentErrors(CaseStudyInput input, String bodyHtml, List<FieldError> errors) {
        Set<Approach> tagged = taxonomy.resolveForTagging(input.approaches(), errors);
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
        if (bodyHtml.length() > MAX_BODY_HTML_LENGTH) {
            errors.add(new FieldError("body", "renders to more than " + MAX_BODY_HTML_LENGTH
                    + " characters of HTML; shorten it or use less markup"));
        }
        return tagged;
    }

    /**
     * Whether {@code slug} is taken for the case study {@code caseStudyId} (null: a new one) in {@code scope}, as
     * {@code actor} can tell: by a path of the collection itself, a former slug (always public), a public slug, or
     * another case study that the actor can see in the scope. A curator sees only their own unpublished slugs, so a
     * slug held by another curator's draft is free to them: they learn nothing of it. An editor sees every one.
     */
    private boolean slugTaken(String slug, String scope, Long caseStudyId, KeyHolder actor) {
        if (RESERVED_SLUGS.contains(slug)) {
            return true;
        }
        SlugAlias alias = aliases.findById(slug);
        if (alias != null && !alias.caseStudyId.equals(caseStudyId)) {
            return true;
        }
        Set<String> scopes = actor.isEditor() ? null : new HashSet<>(List.of(CaseStudy.PUBLIC_SCOPE, scope));
        return caseStudies.slugExists(slug, scopes, caseStudyId);
    }

    /** The reason given with a change: stripped, null if blank, and no longer than the column. */
    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.strip().length() > MAX_REASON_LENGTH) {
            throw ApiException.invalid("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        return reason.strip();
    }

    private static ApiException slugTaken(String slug) {
        return new ApiException(ProblemType.SLUG_TAKEN, "A case study with the slug \"" + slug + "\" already exists.");
    }

    private IndexableCaseStudy toIndexable(CaseStudy c) {
        List<String> organisations = new ArrayList<>(c.leadOrganisations);
        organisations.addAll(c.partnerOrganisations);
        Set<String> withBroader = new LinkedHashSet<>();
        for (Approach approach : c.approaches) {
            for (Approach step = approach; step != null && withBroader.add(step.slug); step = step.parent) {
                // walks up to the root; the set also stops a loop should the tree ever hold one
            }
        }
        return new IndexableCaseStudy(c.id, c.slug, c.status, c.title, c.summary, markdown.toPlainText(c.bodyMarkdown),
                c.placeName, c.localAuthority, c.region, c.countryCode, c.scale, c.startYear, c.endYear,
                Boolean.TRUE.equals(c.ongoing), organisations, c.approaches.stream().map(a -> a.slug).toList(),
                List.copyOf(withBroader), c.approaches.stream().map(a -> a.name).toList(), List.copyOf(c.themes),
                List.copyOf(c.targetGroups), List.copyOf(c.outcomes), c.evidenceLevel, c.updatedAt,
                CaseStudyMapper.toSummary(c));
    }
}
