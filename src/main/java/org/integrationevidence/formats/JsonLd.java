package org.integrationevidence.formats;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.integrationevidence.approach.ApproachNode;
import org.integrationevidence.approach.ApproachRef;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.casestudy.CiteAs;
import org.integrationevidence.casestudy.FindingView;
import org.integrationevidence.casestudy.Period;
import org.integrationevidence.casestudy.Place;
import org.integrationevidence.casestudy.SourceReference;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.casestudy.Vocabulary;
import org.integrationevidence.outcome.OutcomeDomainNode;
import org.integrationevidence.outcome.OutcomeDomainRef;
import org.integrationevidence.outcome.OutcomeDomainView;
import org.integrationevidence.search.ApproachDetail;
import org.integrationevidence.search.CaseStudyPage;

/**
 * Case studies as schema.org {@code Article}s, the approach taxonomy and the outcome domains as SKOS concept schemes,
 * in JSON-LD. Every
 * node that the API serves is identified by its URL in the API, so that the approaches a case study is about are
 * the very concepts of the taxonomy, and a harvester can follow each {@code @id} to its JSON. Only what the data
 * holds is said: a place without coordinates gets no {@code geo}, a period without years no temporal coverage.
 */
final class JsonLd {

    static final String SCHEMA_ORG = "https://schema.org";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    /** The licence of a text is an SPDX identifier; SPDX names each licence by a URL under this one. */
    static final String SPDX_LICENSES = "https://spdx.org/licenses/";
    static final String TAXONOMY_LABEL = "Integration Evidence Repository: approaches to integration";
    static final String OUTCOME_DOMAINS_LABEL = "Integration Evidence Repository: outcome domains";
    static final String OUTCOME_DOMAINS_DESCRIPTION = "The areas of life in which the outcomes of integration fall. "
            + "The names of its groups and domains follow the UK Home Office Indicators of Integration framework "
            + "(2019, third edition); the definitions are the repository's own words.";
    private static final String THEMES_LABEL = "Integration Evidence Repository: themes";
    private static final String TARGET_GROUPS_LABEL = "Integration Evidence Repository: target groups";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final URI caseStudies;
    private final URI taxonomy;
    private final URI outcomeDomains;

    /** @param base the API's base URL as the client called it, ending in a slash */
    JsonLd(URI base) {
        this.caseStudies = base.resolve("api/v1/case-studies");
        this.taxonomy = base.resolve("api/v1/approaches");
        this.outcomeDomains = base.resolve("api/v1/outcome-domains");
    }

    /** One case study, in full. */
    ObjectNode caseStudy(CaseStudyView c) {
        ObjectNode article = NODES.objectNode();
        article.put("@context", SCHEMA_ORG);
        describe(article, c.slug(), c.title(), c.summary(), c.place(), c.period(), c.approaches(), c.themes(),
                c.targetGroups(), c.licence(), c.createdAt(), c.updatedAt());
        article.put("articleBody", c.body());
        ArrayNode mentions = NODES.arrayNode();
        for (String organisation : concat(c.leadOrganisations(), c.partnerOrganisations())) {
            mentions.addObject().put("@type", "Organization").put("name", organisation);
        }
        putIfAny(article, "mentions", mentions);
        ArrayNode citations = NODES.arrayNode();
        for (SourceReference source : c.sources() == null ? List.<SourceReference>of() : c.sources()) {
            ObjectNode work = citations.addObject().put("@type", "CreativeWork").put("name", source.title());
            putIfPresent(work, "url", source.url());
            putIfPresent(work, "author", source.author());
            putIfPresent(work, "publisher", source.publisher());
            putIfPresent(work, "datePublished", source.publishedOn());
            identifiers(work, source);
        }
        putIfAny(article, "citation", citations);
        // The outcome domains of its findings, as the repository classifies them: concepts of the SKOS scheme.
        ArrayNode about = NODES.arrayNode();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FindingView finding : c.findings() == null ? List.<FindingView>of() : c.findings()) {
            OutcomeDomainRef domain = finding.domain();
            if (domain != null && seen.add(domain.slug())) {
                about.addObject().put("@id", outcomeDomains + "/" + domain.slug()).put("@type", "DefinedTerm")
                        .put("name", domain.name()).put("inDefinedTermSet", outcomeDomains.toString());
            }
        }
        putIfAny(article, "about", about);
        article.put("creativeWorkStatus", Vocabulary.slugOf(c.status()));
        article.put("version", c.version());
        CiteAs cite = c.citeAs();
        if (cite != null) {
            // The repository is the case study's author and publisher; the citation names the version's own URL.
            ObjectNode repository = NODES.objectNode().put("@type", "Organization").put("name", cite.publisher());
            article.set("author", repository);
            article.set("publisher", repository.deepCopy());
            article.put("creditText", cite.text());
        }
        return article;
    }

    /**
     * A cited work's DOI, Handle and ISBN as schema.org {@code identifier}s (property values named by scheme), and
     * the DOI's and Handle's resolver URLs as {@code sameAs}.
     */
    private static void identifiers(ObjectNode work, SourceReference source) {
        ArrayNode identifiers = NODES.arrayNode();
        ArrayNode sameAs = NODES.arrayNode();
        if (source.doi() != null) {
            identifiers.addObject().put("@type", "PropertyValue").put("propertyID", "DOI").put("value", source.doi());
            sameAs.add("https://doi.org/" + source.doi());
        }
        if (source.handle() != null) {
            identifiers.addObject().put("@type", "PropertyValue").put("propertyID", "Handle").put("value", source.handle());
            sameAs.add("https://hdl.handle.net/" + source.handle());
        }
        if (source.isbn() != null) {
            identifiers.addObject().put("@type", "PropertyValue").put("propertyID", "ISBN").put("value", source.isbn());
        }
        putIfAny(work, "identifier", identifiers);
        putIfAny(work, "sameAs", sameAs);
    }

    /**
     * A page of a list: an {@code ItemList} of the page's case studies as summaries, {@code numberOfItems} counting
     * every match (as schema.org has it for a list served in pages), and the next page as a Hydra view.
     */
    ObjectNode page(CaseStudyPage page, URI self, URI next) {
        ObjectNode list = NODES.objectNode();
        list.putArray("@context").add(SCHEMA_ORG).addObject().put("hydra", HYDRA);
        list.put("@type", "ItemList");
        list.put("@id", self.toString());
        list.put("numberOfItems", page.total());
        ArrayNode items = list.putArray("itemListElement");
        for (CaseStudySummary s : page.items()) {
            describe(items.addObject(), s.slug(), s.title(), s.summary(), s.place(), s.period(), s.approaches(), s.themes(),
                    s.targetGroups(), s.licence(), s.createdAt(), s.updatedAt());
        }
        if (next != null) {
            ObjectNode view = list.putObject("hydra:view").put("@id", self.toString()).put("@type", "hydra:PartialCollectionView");
            view.putObject("hydra:next").put("@id", next.toString());
        }
        return list;
    }

    /** The whole taxonomy: the scheme, then every concept, in the tree's order, each naming its broader and narrower. */
    ObjectNode scheme(List<ApproachNode> roots) {
        ObjectNode document = NODES.objectNode();
        document.set("@context", skosContext());
        ArrayNode graph = document.putArray("@graph");
        ObjectNode scheme = graph.addObject().put("@id", taxonomy.toString()).put("@type", "skos:ConceptScheme");
        scheme.put("skos:prefLabel", TAXONOMY_LABEL);
        ArrayNode top = scheme.putArray("skos:hasTopConcept");
        for (ApproachNode root : roots) {
            top.addObject().put("@id", approach(root.slug()));
        }
        addConcepts(roots, null, graph);
        return document;
    }

    private void addConcepts(List<ApproachNode> nodes, String broader, ArrayNode graph) {
        for (ApproachNode node : nodes) {
            concept(graph.addObject(), node.slug(), node.name(), node.definition(), broader,
                    node.children().stream().map(ApproachNode::slug).toList());
            addConcepts(node.children(), node.slug(), graph);
        }
    }

    /** One approach as a concept of the scheme. */
    ObjectNode concept(ApproachDetail approach) {
        ObjectNode concept = NODES.objectNode();
        concept.set("@context", skosContext());
        return concept(concept, approach.slug(), approach.name(), approach.definition(),
                approach.parent() == null ? null : approach.parent().slug(),
                approach.children().stream().map(ApproachRef::slug).toList());
    }

    private ObjectNode concept(ObjectNode concept, String slug, String name, String definition, String broader,
            List<String> narrower) {
        return concept(concept, taxonomy, slug, name, definition, broader, narrower);
    }

    /** A concept of the scheme at {@code scheme}, whose concepts are identified by URLs under it. */
    private static ObjectNode concept(ObjectNode concept, URI scheme, String slug, String name, String definition,
            String broader, List<String> narrower) {
        concept.put("@id", scheme + "/" + slug).put("@type", "skos:Concept");
        concept.put("skos:prefLabel", name);
        putIfPresent(concept, "skos:definition", definition);
        concept.put("skos:notation", slug);
        concept.putObject("skos:inScheme").put("@id", scheme.toString());
        if (broader == null) {
            concept.putObject("skos:topConceptOf").put("@id", scheme.toString());
        } else {
            concept.putArray("skos:broader").addObject().put("@id", scheme + "/" + broader);
        }
        ArrayNode narrowerIds = NODES.arrayNode();
        narrower.forEach(child -> narrowerIds.addObject().put("@id", scheme + "/" + child));
        putIfAny(concept, "skos:narrower", narrowerIds);
        return concept;
    }

    /**
     * The outcome domains: the scheme, with a description of where its names come from, then every group and domain
     * in the framework's order, each naming its broader and narrower concepts.
     */
    ObjectNode outcomeDomainScheme(List<OutcomeDomainNode> groups) {
        ObjectNode document = NODES.objectNode();
        document.set("@context", skosContext().put("dct", DCTERMS));
        ArrayNode graph = document.putArray("@graph");
        ObjectNode scheme = graph.addObject().put("@id", outcomeDomains.toString()).put("@type", "skos:ConceptScheme");
        scheme.put("skos:prefLabel", OUTCOME_DOMAINS_LABEL);
        scheme.put("dct:description", OUTCOME_DOMAINS_DESCRIPTION);
        ArrayNode top = scheme.putArray("skos:hasTopConcept");
        for (OutcomeDomainNode group : groups) {
            top.addObject().put("@id", outcomeDomains + "/" + group.slug());
        }
        addOutcomeDomains(groups, null, graph);
        return document;
    }

    private void addOutcomeDomains(List<OutcomeDomainNode> nodes, String broader, ArrayNode graph) {
        for (OutcomeDomainNode node : nodes) {
            concept(graph.addObject(), outcomeDomains, node.slug(), node.name(), node.definition(), broader,
                    node.children().stream().map(OutcomeDomainNode::slug).toList());
            addOutcomeDomains(node.children(), node.slug(), graph);
        }
    }

    /** One outcome domain or group as a concept of its scheme. */
    ObjectNode concept(OutcomeDomainView domain) {
        ObjectNode concept = NODES.objectNode();
        concept.set("@context", skosContext());
        return concept(concept, outcomeDomains, domain.slug(), domain.name(), domain.definition(),
                domain.parent() == null ? null : domain.parent().slug(),
                domain.children().stream().map(OutcomeDomainRef::slug).toList());
    }

    private static ObjectNode skosContext() {
        return NODES.objectNode().put("skos", SKOS);
    }

    /** What a case study and its summary have in common: an Article about approaches, themes and target groups. */
    private void describe(ObjectNode article, String slug, String title, String summary, Place place, Period period,
            List<ApproachRef> approaches, List<Theme> themes, List<TargetGroup> targetGroups, String licence,
            Instant createdAt, Instant updatedAt) {
        String url = caseStudies + "/" + slug;
        article.put("@type", "Article");
        article.put("@id", url);
        article.put("url", url);
        article.put("identifier", slug);
        article.put("name", title);
        article.put("headline", title);
        article.put("abstract", summary);
        ArrayNode about = NODES.arrayNode();
        for (ApproachRef approach : approaches == null ? List.<ApproachRef>of() : approaches) {
            about.addObject().put("@type", "DefinedTerm").put("@id", approach(approach.slug())).put("name", approach.name())
                    .put("termCode", approach.slug())
                    .putObject("inDefinedTermSet").put("@type", "DefinedTermSet").put("@id", taxonomy.toString())
                    .put("name", TAXONOMY_LABEL);
        }
        for (Theme theme : themes == null ? List.<Theme>of() : themes) {
            term(about, theme, "theme", THEMES_LABEL);
        }
        for (TargetGroup group : targetGroups == null ? List.<TargetGroup>of() : targetGroups) {
            term(about, group, "targetGroup", TARGET_GROUPS_LABEL);
        }
        putIfAny(article, "about", about);
        if (place != null) {
            article.set("spatialCoverage", place(place));
        }
        putIfPresent(article, "temporalCoverage", temporalCoverage(period));
        if (licence != null) {
            article.put("license", SPDX_LICENSES + licence);
        }
        article.put("dateCreated", createdAt.toString());
        article.put("dateModified", updatedAt.toString());
    }

    /** A term of one of the fixed vocabularies; its URL lists the case studies filed under it. */
    private void term(ArrayNode about, Enum<?> value, String filter, String vocabulary) {
        about.addObject().put("@type", "DefinedTerm").put("name", Vocabulary.label(value))
                .put("termCode", Vocabulary.slugOf(value))
                .put("url", caseStudies + "?" + filter + "=" + Vocabulary.slugOf(value))
                .putObject("inDefinedTermSet").put("@type", "DefinedTermSet").put("name", vocabulary);
    }

    private static ObjectNode place(Place place) {
        ObjectNode node = NODES.objectNode().put("@type", "Place").put("name", place.name());
        if (place.region() != null || place.countryCode() != null) {
            ObjectNode address = node.putObject("address").put("@type", "PostalAddress");
            putIfPresent(address, "addressRegion", place.region());
            putIfPresent(address, "addressCountry", place.countryCode());
        }
        if (place.latitude() != null && place.longitude() != null) {
            node.putObject("geo").put("@type", "GeoCoordinates").put("latitude", place.latitude())
                    .put("longitude", place.longitude());
        }
        // The areas the place lies in, each named by its code in a scheme: the ISO 3166-2 subdivision, the NUTS region.
        if (place.subdivisionCode() != null || place.nutsCode() != null) {
            ArrayNode areas = node.putArray("containedInPlace");
            if (place.subdivisionCode() != null) {
                areas.add(area("ISO 3166-2", place.subdivisionCode()));
            }
            if (place.nutsCode() != null) {
                areas.add(area("NUTS", place.nutsCode()));
            }
        }
        if (place.degreeOfUrbanisation() != null || place.populationBand() != null) {
            ArrayNode properties = node.putArray("additionalProperty");
            if (place.degreeOfUrbanisation() != null) {
                properties.add(NODES.objectNode().put("@type", "PropertyValue").put("name", "Degree of Urbanisation")
                        .put("value", place.degreeOfUrbanisation().toString()));
            }
            if (place.populationBand() != null) {
                properties.add(NODES.objectNode().put("@type", "PropertyValue").put("name", "population band")
                        .put("value", place.populationBand().toString()));
            }
        }
        return node;
    }

    private static ObjectNode area(String scheme, String code) {
        ObjectNode area = NODES.objectNode().put("@type", "AdministrativeArea");
        area.putObject("identifier").put("@type", "PropertyValue").put("propertyID", scheme).put("value", code);
        return area;
    }

    /**
     * The period as an ISO 8601 interval of years, as schema.org's temporalCoverage takes it: "2010/2015", "2010/.."
     * when it has no end year (still running, or the sources do not say), "../2015" without a start year; null when
     * neither year is known.
     */
    static String temporalCoverage(Period period) {
        if (period == null || (period.startYear() == null && period.endYear() == null)) {
            return null;
        }
        if (period.startYear() != null && period.startYear().equals(period.endYear())) {
            return period.startYear().toString();
        }
        return (period.startYear() == null ? ".." : period.startYear().toString()) + "/"
                + (period.endYear() == null ? ".." : period.endYear().toString());
    }

    private String approach(String slug) {
        return taxonomy + "/" + slug;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first == null ? List.of() : first);
        all.addAll(second == null ? List.of() : second);
        return all;
    }

    private static void putIfPresent(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    private static void putIfAny(ObjectNode node, String name, ArrayNode values) {
        if (!values.isEmpty()) {
            node.set(name, values);
        }
    }
}
