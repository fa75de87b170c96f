package org.integrationevidence.framework;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.http.Page;
import org.integrationevidence.journal.ChangeJournal;
import org.integrationevidence.outcome.OutcomeDomainLookup;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.persistence.UniqueConstraints;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;

/**
 * The frameworks: reading the schemes and their concepts (read-only, seeded by migration), and the rules for the
 * mappings that editors add and remove. A change of an approach's mapping changes which case studies each framework
 * filter finds, so it writes change journal entries for the case studies tagged with that approach or a narrower one,
 * and the search index re-reads them. Mappings of outcome domains are not searched, so they journal nothing.
 */
@ApplicationScoped
@Transactional
public class FrameworkService {

    static final String APPROACH = "approach";
    static final String OUTCOME_DOMAIN = "outcome-domain";

    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String DCTERMS = "http://purl.org/dc/terms/";

    @Inject
    EntityManager entityManager;

    @Inject
    FrameworkLookup lookup;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    OutcomeDomainLookup outcomeDomains;

    @Inject
    ChangeJournal journal;

    @Inject
    MappedCaseStudies caseStudies;

    /** Every scheme, in order, with its number of concepts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FrameworkSummary> list() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : entityManager.createQuery("select c.scheme.code, count(c) from FrameworkConcept c "
                + "group by c.scheme.code", Object[].class).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return Page.all(schemes().stream().map(s -> new FrameworkSummary(s.code, s.title, s.description, s.source,
                s.sourceUrl, s.version, counts.getOrDefault(s.code, 0L).intValue())).toList());
    }

    /** A scheme with its concepts, each with its mappings. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FrameworkView get(String schemeCode) {
        FrameworkScheme scheme = scheme(schemeCode);
        Map<Long, List<FrameworkMappingView>> mappings = mappingViews(schemeCode);
        List<FrameworkConceptView> concepts = concepts(scheme).stream().map(c -> new FrameworkConceptView(scheme.code, c.code,
                c.kind, c.title, c.definition, mappings.getOrDefault(c.id, List.of()))).toList();
        return new FrameworkView(scheme.code, scheme.title, scheme.description, scheme.source, scheme.sourceUrl,
                scheme.version, concepts);
    }

    /**
     * A scheme as SKOS in JSON-LD: the scheme, and each concept with its notation, label, definition and, for each
     * mapping, the approach or outcome domain under the inverse relation (the relation seen from the concept).
     *
     * @param base the API's base URL as the client called it, ending in a slash
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> skos(String schemeCode, URI base) {
        FrameworkView view = get(schemeCode);
        String schemeId = base.resolve("api/v1/frameworks/" + view.code()).toString();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", Map.of("skos", SKOS, "dct", DCTERMS));
        List<Object> graph = new ArrayList<>();
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("@id", schemeId);
        scheme.put("@type", "skos:ConceptScheme");
        scheme.put("skos:prefLabel", view.title());
        scheme.put("dct:description", view.description());
        scheme.put("dct:source", view.source());
        scheme.put("dct:hasVersion", view.version());
        scheme.put("skos:hasTopConcept", view.concepts().stream().map(c -> Map.of("@id", schemeId + "/" + c.code())).toList());
        graph.add(scheme);
        for (FrameworkConceptView concept : view.concepts()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("@id", schemeId + "/" + concept.code());
            node.put("@type", "skos:Concept");
            node.put("skos:notation", concept.code());
            node.put("skos:prefLabel", concept.title());
            node.put("skos:definition", concept.definition());
            node.put("skos:inScheme", Map.of("@id", schemeId));
            node.put("skos:topConceptOf", Map.of("@id", schemeId));
            Map<String, List<Object>> matches = new LinkedHashMap<>();
            for (FrameworkMappingView mapping : concept.mappings()) {
                String target = mapping.approach() != null
                        ? base.resolve("api/v1/approaches/" + mapping.approach().slug()).toString()
                        : base.resolve("api/v1/outcome-domains/" + mapping.outcomeDomain().slug()).toString();
                String relation = MappingRelation.parse(mapping.relation()).orElseThrow().inverse().name;
                matches.computeIfAbsent("skos:" + relation, key -> new ArrayList<>()).add(Map.of("@id", target));
            }
            node.putAll(matches);
            graph.add(node);
        }
        document.put("@graph", graph);
        return document;
    }

    /** A concept's detail, with what it stands on in the search index (null when it lists no case study). */
    public record ConceptRead(FrameworkConceptDetail detail, String indexState, Instant indexLastChange) {
    }

    /** A concept with its mappings, the approaches mapped to it and the first page of the case studies under them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConceptRead concept(String schemeCode, String code, int limit) {
        FrameworkConcept concept = concept(scheme(schemeCode), code);
        List<FrameworkMappingView> mappings = mappingViews(schemeCode).getOrDefault(concept.id, List.of());
        List<FrameworkMappingView.SubjectRef> approaches = mappings.stream().map(FrameworkMappingView::approach)
                .filter(approach -> approach != null && approach.name() != null).distinct().toList();
        MappedCaseStudies.Found under = approaches.isEmpty() ? null
                : caseStudies.taggedWithAny(approaches.stream().map(FrameworkMappingView.SubjectRef::slug).toList(), limit);
        return new ConceptRead(new FrameworkConceptDetail(schemeCode, concept.code, concept.kind, concept.title,
                concept.definition, mappings, approaches, under == null ? Page.all(List.of()) : under.page()),
                under == null ? null : under.state(), under == null ? null : under.lastChange());
    }

    /** A 404 unless the scheme exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireExists(String schemeCode) {
        scheme(schemeCode);
    }

    /** Maps an approach or an outcome domain to a concept. */
    public FrameworkMappingView addMapping(String schemeCode, String code,
            @NotNull(message = ApiException.BODY_REQUIRED) @Valid FrameworkMappingInput input) {
        FrameworkConcept concept = concept(scheme(schemeCode), code);
        List<FieldError> errors = new ArrayList<>();
        String approach = blankToNull(input.approach());
        String domain = blankToNull(input.outcomeDomain());
        if ((approach == null) == (domain == null)) {
            errors.add(new FieldError("approach", "give exactly one of approach and outcomeDomain"));
        } else if (approach != null && !taxonomy.entries().containsKey(approach)) {
            errors.add(new FieldError("approach", "\"" + approach + "\" is not an approach in the taxonomy; see GET /api/v1/approaches"));
        } else if (domain != null && !outcomeDomains.entries().containsKey(domain)) {
            errors.add(new FieldError("outcomeDomain", "\"" + domain + "\" is not an outcome domain; see GET /api/v1/outcome-domains"));
        }
        MappingRelation relation = MappingRelation.parse(input.relation() == null ? null : input.relation().strip()).orElse(null);
        if (relation == null) {
            errors.add(new FieldError("relation", "must be one of: " + MappingRelation.allowed()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        FrameworkMapping mapping = new FrameworkMapping();
        mapping.concept = concept;
        mapping.subjectKind = approach != null ? APPROACH : OUTCOME_DOMAIN;
        mapping.subjectSlug = approach != null ? approach : domain;
        mapping.relation = relation.name;
        mapping.note = blankToNull(input.note());
        mapping.createdAt = Timestamps.now();
        mapping.updatedAt = mapping.createdAt;
        ApiException taken = new ApiException(ProblemType.CONFLICT, "The " + (approach != null ? "approach \"" : "outcome domain \"")
                + mapping.subjectSlug + "\" is already mapped to " + schemeCode + " " + code + ". Delete that mapping first "
                + "to change its relation.");
        if (!entityManager.createQuery("select m.id from FrameworkMapping m where m.concept = :concept and m.subjectKind = :kind "
                + "and m.subjectSlug = :slug", Long.class).setParameter("concept", concept).setParameter("kind", mapping.subjectKind)
                .setParameter("slug", mapping.subjectSlug).getResultList().isEmpty()) {
            throw taken;
        }
        UniqueConstraints.flushOr(() -> {
            entityManager.persist(mapping);
            entityManager.flush();
        }, taken);
        changed(mapping);
        return view(mapping);
    }

    /** Removes a mapping of the concept. */
    public void deleteMapping(String schemeCode, String code, long id) {
        FrameworkConcept concept = concept(scheme(schemeCode), code);
        FrameworkMapping mapping = entityManager.find(FrameworkMapping.class, id);
        if (mapping == null || !mapping.concept.id.equals(concept.id)) {
            throw ApiException.notFound("The concept " + schemeCode + " " + code + " has no mapping " + id + ".");
        }
        entityManager.remove(mapping);
        entityManager.flush();
        changed(mapping);
    }

    /**
     * After a mapping's change is flushed: the case studies tagged with its approach or a narrower one are journaled,
     * so that the index re-reads their framework codes, and the lookup drops what it holds.
     */
    private void changed(FrameworkMapping mapping) {
        if (APPROACH.equals(mapping.subjectKind)) {
            Set<String> slugs = TaxonomyLookup.selfAndNarrower(Set.of(mapping.subjectSlug), taxonomy.entries());
            List<Long> ids = entityManager.createQuery("select a.id from Approach a where a.slug in :slugs", Long.class)
                    .setParameter("slugs", slugs).getResultList();
            journal.recordTaggedWithAny(ids);
        }
        lookup.invalidateAfterTransaction();
    }

    private List<FrameworkScheme> schemes() {
        return entityManager.createQuery("select s from FrameworkScheme s order by s.position", FrameworkScheme.class)
                .getResultList();
    }

    private FrameworkScheme scheme(String code) {
        return entityManager.createQuery("select s from FrameworkScheme s where s.code = :code", FrameworkScheme.class)
                .setParameter("code", code).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("There is no framework with the code \"" + code
                        + "\"; see GET /api/v1/frameworks."));
    }

    private List<FrameworkConcept> concepts(FrameworkScheme scheme) {
        return entityManager.createQuery("select c from FrameworkConcept c where c.scheme = :scheme order by c.position",
                FrameworkConcept.class).setParameter("scheme", scheme).getResultList();
    }

    private FrameworkConcept concept(FrameworkScheme scheme, String code) {
        return entityManager.createQuery("select c from FrameworkConcept c where c.scheme = :scheme and c.code = :code",
                FrameworkConcept.class).setParameter("scheme", scheme).setParameter("code", code).getResultStream()
                .findFirst().orElseThrow(() -> ApiException.notFound("The framework \"" + scheme.code
                        + "\" has no concept with the code \"" + code + "\"; see GET /api/v1/frameworks/" + scheme.code + "."));
    }

    /** The mappings to the scheme's concepts, by concept id, oldest first. */
    private Map<Long, List<FrameworkMappingView>> mappingViews(String schemeCode) {
        Map<Long, List<FrameworkMappingView>> views = new LinkedHashMap<>();
        for (FrameworkMapping mapping : entityManager.createQuery("select m from FrameworkMapping m join fetch m.concept c "
                + "where c.scheme.code = :scheme order by m.id", FrameworkMapping.class).setParameter("scheme", schemeCode)
                .getResultList()) {
            views.computeIfAbsent(mapping.concept.id, id -> new ArrayList<>()).add(view(mapping));
        }
        return views;
    }

    private FrameworkMappingView view(FrameworkMapping mapping) {
        FrameworkMappingView.SubjectRef subject;
        if (APPROACH.equals(mapping.subjectKind)) {
            TaxonomyLookup.Entry entry = taxonomy.entries().get(mapping.subjectSlug);
            subject = new FrameworkMappingView.SubjectRef(mapping.subjectSlug, entry == null ? null : entry.name());
            return new FrameworkMappingView(mapping.id, mapping.relation, subject, null, mapping.note, mapping.createdAt,
                    mapping.updatedAt);
        }
        OutcomeDomainLookup.Entry entry = outcomeDomains.entries().get(mapping.subjectSlug);
        subject = new FrameworkMappingView.SubjectRef(mapping.subjectSlug, entry == null ? null : entry.name());
        return new FrameworkMappingView(mapping.id, mapping.relation, null, subject, mapping.note, mapping.createdAt,
                mapping.updatedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
