package org.integrationevidence.oai;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.framework.FrameworkLookup;
import org.integrationevidence.framework.FrameworkService;
import org.integrationevidence.casestudy.CaseStudyCatalogue;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.changes.FeedRecords;
import org.integrationevidence.changes.FeedRecords.FeedRecord;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.persistence.ServerSecrets;

/**
 * Answers the six verbs of OAI-PMH 2.0 over the change feed ({@link FeedRecords}): a record per case study that was
 * ever public, deleted once it is not public any more (tombstones are kept for good). A list stands at the feed's
 * position when it began, which its resumption tokens carry, so that it reads the same however the data changes while
 * a harvester pages through it; changes after that position are for the next harvest.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class OaiPmhService {

    private static final String TOKEN_KEY = "oai-resumption-token";

    @Inject
    FeedRecords feed;

    @Inject
    CaseStudyCatalogue catalogue;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    FrameworkLookup frameworks;

    @Inject
    FrameworkService frameworkSchemes;

    @Inject
    EntityManager entityManager;

    @Inject
    ServerSecrets secrets;

    @Inject
    EvidenceConfig config;

    /** The answer to a request's parameters; errors of the protocol are answers too. */
    OaiResponse answer(Map<String, List<String>> parameters, String baseUrl) {
        Instant now = Instant.now();
        OaiRequest request;
        try {
            request = OaiRequest.parse(parameters);
        } catch (OaiException e) {
            // After badVerb or badArgument the request element carries no attributes (section 3.2).
            return new OaiResponse(now, baseUrl, Map.of(), e.errors(), null);
        }
        Map<String, String> echoed = new LinkedHashMap<>();
        echoed.put("verb", request.verb().name());
        echoed.putAll(request.arguments());
        try {
            OaiResponse.Result result = switch (request.verb()) {
                case Identify -> new OaiResponse.Identify(config.oai().repositoryName(), config.oai().adminEmail(),
                        feed.earliest().orElse(now));
                case ListMetadataFormats -> metadataFormats(request);
                case ListSets -> listSets(request);
                case ListIdentifiers, ListRecords -> list(request, now);
                case GetRecord -> getRecord(request);
            };
            return new OaiResponse(now, baseUrl, echoed, List.of(), result);
        } catch (OaiException e) {
            boolean badArguments = e.errors().stream().anyMatch(error -> error.code() == OaiError.Code.badArgument);
            return new OaiResponse(now, baseUrl, badArguments ? Map.of() : echoed, e.errors(), null);
        }
    }

    /** The host of identifiers: configured, else the public base URL's, else localhost. */
    String identifierHost() {
        return config.oai().identifierHost().map(String::strip).filter(host -> !host.isEmpty())
                .or(() -> config.publicBaseUrl().map(url -> URI.create(url.strip()).getHost()))
                .orElse("localhost");
    }

    private OaiResponse.MetadataFormats metadataFormats(OaiRequest request) {
        if (request.argument("identifier") != null) {
            recordOf(request.argument("identifier"));
        }
        return new OaiResponse.MetadataFormats(List.of(MetadataFormat.values()));
    }

    private OaiResponse.Sets listSets(OaiRequest request) {
        if (request.argument("resumptionToken") != null) {
            throw new OaiException(OaiError.Code.badResumptionToken, "ListSets answers in one part: it issues no "
                    + "resumptionToken.");
        }
        return new OaiResponse.Sets(SetKind.all(vocabularies(true)));
    }

    private OaiResponse.OneRecord getRecord(OaiRequest request) {
        MetadataFormat format = format(request.argument("metadataPrefix"));
        FeedRecord record = recordOf(request.argument("identifier"));
        return new OaiResponse.OneRecord(format, items(List.of(record), vocabularies(false)).get(0));
    }

    private OaiResponse.Records list(OaiRequest request, Instant now) {
        Duration lifetime = config.oai().tokenLifetime();
        String tokenText = request.argument("resumptionToken");
        ResumptionToken state;
        if (tokenText != null) {
            state = ResumptionToken.decode(secrets.get(TOKEN_KEY), tokenText, request.verb(), now, lifetime);
        } else {
            MetadataFormat format = format(request.argument("metadataPrefix"));
            Instant from = request.argument("from") == null ? null
                    : OaiDates.parse("from", request.argument("from")).fromInclusive();
            Instant until = request.argument("until") == null ? null
                    : OaiDates.parse("until", request.argument("until")).untilExclusive();
            state = new ResumptionToken(request.verb(), format.prefix, request.argument("set"), from, until, feed.head(),
                    0, 0, -1, now);
        }
        MetadataFormat format = format(state.metadataPrefix());
        SetKind.Vocabularies vocabularies = vocabularies(false);
        FeedRecords.Selection selection = selection(state, vocabularies, tokenText != null);
        long total = state.completeListSize() >= 0 ? state.completeListSize() : feed.count(selection, state.upTo());
        int pageSize = config.oai().pageSize();
        List<FeedRecord> page = feed.page(selection, state.upTo(), state.after(), pageSize + 1);
        if (page.isEmpty() && tokenText == null) {
            throw new OaiException(OaiError.Code.noRecordsMatch, "No record matches the arguments.");
        }
        boolean more = page.size() > pageSize;
        List<FeedRecord> served = more ? page.subList(0, pageSize) : page;
        OaiResponse.Token token = null;
        if (more) {
            ResumptionToken next = new ResumptionToken(state.verb(), state.metadataPrefix(), state.set(), state.from(),
                    state.until(), state.upTo(), served.get(served.size() - 1).position(), state.cursor() + served.size(),
                    total, now);
            token = new OaiResponse.Token(next.encode(secrets.get(TOKEN_KEY)), next.expiresAt(lifetime), total,
                    state.cursor());
        } else if (tokenText != null) {
            // The last part of a list that came in parts ends with an empty token (section 3.5).
            token = new OaiResponse.Token(null, null, total, state.cursor());
        }
        return new OaiResponse.Records(request.verb(), format, items(served, vocabularies), token);
    }

    private FeedRecords.Selection selection(ResumptionToken state, SetKind.Vocabularies vocabularies, boolean resumed) {
        if (state.set() == null) {
            return new FeedRecords.Selection(state.from(), state.until(), null, Map.of());
        }
        if (!state.set().matches("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*")) {
            throw new OaiException(OaiError.Code.badArgument, "The argument set is not a setSpec: see ListSets.");
        }
        SetKind.Condition condition = SetKind.conditionOf(state.set(), vocabularies).orElseThrow(() -> resumed
                ? new OaiException(OaiError.Code.badResumptionToken, "The set of this list no longer exists; see ListSets.")
                : new OaiException(OaiError.Code.noRecordsMatch, "There is no set " + state.set() + "; see ListSets."));
        return new FeedRecords.Selection(state.from(), state.until(), condition.jpql(), condition.parameters());
    }

    private MetadataFormat format(String prefix) {
        return MetadataFormat.withPrefix(prefix).orElseThrow(() -> new OaiException(OaiError.Code.cannotDisseminateFormat,
                "The metadataPrefix is not one of this repository's: oai_dc, case_study (see ListMetadataFormats)."));
    }

    /** The record an identifier names, or idDoesNotExist. */
    private FeedRecord recordOf(String identifier) {
        String prefix = "oai:" + identifierHost() + ":";
        Optional<FeedRecord> record = identifier.startsWith(prefix)
                ? feed.byFirstSlug(identifier.substring(prefix.length())) : Optional.empty();
        return record.orElseThrow(() -> new OaiException(OaiError.Code.idDoesNotExist,
                "No record has this identifier; identifiers are oai:" + identifierHost() + ":<slug>."));
    }

    /** The records as items: with their case studies as they are now, deleted if no longer public. */
    private List<OaiResponse.Item> items(List<FeedRecord> records, SetKind.Vocabularies vocabularies) {
        List<Long> live = records.stream().filter(record -> !record.tombstone()).map(FeedRecord::caseStudyId).toList();
        Set<Long> published = catalogue.idsIn(live, Set.of(CaseStudyStatus.PUBLISHED));
        List<Long> servable = live.stream().filter(published::contains).toList();
        List<CaseStudyView> read = servable.isEmpty() ? List.of()
                : catalogue.views(servable, Set.of(CaseStudyStatus.PUBLISHED));
        Map<Long, CaseStudyView> views = new HashMap<>();
        // Views come in the order of the ids asked for, less any withdrawn in between: then the next harvest has it.
        for (int i = 0; i < read.size() && read.size() == servable.size(); i++) {
            views.put(servable.get(i), read.get(i));
        }
        List<OaiResponse.Item> items = new ArrayList<>(records.size());
        String prefix = "oai:" + identifierHost() + ":";
        for (FeedRecord record : records) {
            CaseStudyView view = views.get(record.caseStudyId());
            items.add(new OaiResponse.Item(prefix + record.firstSlug(), record.changedAt(),
                    view == null ? List.of() : SetKind.allSpecsOf(view, vocabularies), view));
        }
        return items;
    }

    /**
     * The taxonomy, the frameworks' schemes, concepts and mappings, and the countries of public case studies when
     * ListSets needs them (the lists do not).
     */
    private SetKind.Vocabularies vocabularies(boolean withCountries) {
        List<String> countries = !withCountries ? List.of() : entityManager.createQuery("select distinct c.countryCode "
                        + "from CaseStudy c where c.status = :published and c.countryCode is not null", String.class)
                .setParameter("published", CaseStudyStatus.PUBLISHED).getResultList();
        Map<String, String> schemes = new LinkedHashMap<>();
        frameworkSchemes.list().items().forEach(scheme -> schemes.put(scheme.code(), scheme.title()));
        return new SetKind.Vocabularies(taxonomy.entries(), countries, schemes, frameworks.frameworks());
    }
}
