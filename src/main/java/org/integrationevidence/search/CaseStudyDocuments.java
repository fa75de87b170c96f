package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.casestudy.IndexableCaseStudy;
import org.integrationevidence.framework.FrameworkLookup;

/**
 * The mapping from a case study to a Lucene document: one place that knows every field's name and how it is
 * indexed. Change anything here and raise {@link #MAPPING_REVISION}: indexes built by an older mapping are then
 * rebuilt from the database at the next start. The stored summary's shape is part of the version by itself.
 */
final class CaseStudyDocuments {

    /**
     * 9: findings (outcome domains, directions) and the evidence map's doc values; 10: places (PlaceQueries); 11:
     * framework concepts (cbp, gcm, sdg) through the approaches' mappings.
     */
    static final int MAPPING_REVISION = 11;

    /** The revision and the summary record's components: a new field in results rebuilds the index too. */
    static final String MAPPING_VERSION = MAPPING_REVISION + "-" + Integer.toHexString(
            Arrays.stream(CaseStudySummary.class.getRecordComponents())
                    .map(component -> component.getName() + ":" + component.getGenericType().getTypeName())
                    .toList().hashCode());

    // Identity and state
    static final String ID = "id";
    static final String SLUG = "slug";
    static final String STATUS = "status";

    /** The case study as results show it, as JSON, so that a page of results needs no database read but a check. */
    static final String SUMMARY_JSON = "summaryJson";

    // Full text. Title, summary and body are stored for highlighting, with offsets so that it needs no re-analysis.
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    static final String PLACE = "place";
    static final String ORGANISATIONS = "organisations";
    static final String APPROACH_NAMES = "approachNames";
    static final String OUTCOMES = "outcomes";

    /** Field weights of free-text search: a match in the title or an approach name counts most. */
    static final Map<String, Float> TEXT_WEIGHTS = Map.of(
            TITLE, 4f, APPROACH_NAMES, 3f, PLACE, 2f, SUMMARY, 2f, ORGANISATIONS, 1.5f, OUTCOMES, 1.5f, BODY, 1f);

    static final List<String> HIGHLIGHTED = List.of(TITLE, SUMMARY, BODY);

    /** Suffix of the word-pair twin of each text field (see {@link SearchAnalyzers}). */
    private static final String PAIR_FIELD_SUFFIX = ".pairs";

    // Exact-match filters (keyword fields)
    static final String APPROACH = "approach";
    static final String DIRECT_APPROACH = "directApproach";
    static final String COUNTRY = "country";
    static final String REGION = "region";
    static final String PLACE_KEY = "placeKey";
    static final String THEME = "theme";
    static final String TARGET_GROUP = "targetGroup";
    static final String SCALE = "scale";
    static final String EVIDENCE = "evidence";
    static final String ACTIVE_FROM = "activeFrom";
    static final String ACTIVE_TO = "activeTo";
    static final String UPDATED = "updated";
    /** Outcome domains of the findings, with their groups, so that a filter on a group includes its domains. */
    static final String OUTCOME_DOMAIN = "outcomeDomain";
    static final String DIRECTION = "direction";
    /** A finding's domain (and group) with its direction, for a filter on both: see {@link #domainDirection}. */
    static final String DOMAIN_DIRECTION = "domainDirection";

    // The evidence map reads these for every selected case study (see EvidenceMaps)
    static final String MAP_APPROACH = "map.approach";
    static final String MAP_THEME = "map.theme";
    static final String MAP_TARGET_GROUP = "map.targetGroup";
    static final String MAP_COUNTRY = "map.country";
    static final String MAP_LEVEL = "map.level";
    /** The findings, packed: per finding its domain (empty if none), a tab, its direction's ordinal and level as digits. */
    static final String MAP_FINDINGS = "map.findings";

    // Sorting
    static final String TITLE_SORT = "titleSort";
    static final String EVIDENCE_SORT = "evidenceSort";
    static final String START_SORT = "startSort";

    // Completion
    static final String TITLE_WORDS = "titleWords";
    /** Place names for completion: folded name, a separator, then the name as written. */
    static final String PLACE_COMPLETION = "placeCompletion";
    static final char COMPLETION_SEPARATOR = '\u001f';

    /** Facet dimensions, indexed as sorted-set doc values under the same names as the filters. */
    static final List<String> FACETS = List.of(APPROACH, COUNTRY, THEME, TARGET_GROUP, EVIDENCE, SCALE, OUTCOME_DOMAIN,
            DIRECTION, FrameworkLookup.SCHEMES.get(0), FrameworkLookup.SCHEMES.get(1), FrameworkLookup.SCHEMES.get(2));

    /**
     * Framework concepts, one keyword field (and facet, and map doc values "map.<scheme>") per scheme, named as the
     * scheme's filter: the codes of the concepts that the case study's approaches, or their broader approaches, are
     * mapped to.
     */
    static final List<String> FRAMEWORKS = FrameworkLookup.SCHEMES;
    private static final String FACET_FIELD_PREFIX = "facet.";

    /** Year used for "still going" when filtering on activity periods. */
    static final int OPEN_END = 9999;

    private static final FieldType STORED_TEXT_WITH_OFFSETS = storedTextWithOffsets();
    /** A pair is looked up as a whole term, so its positions are never read and not kept. */
    private static final FieldType WORD_PAIRS = wordPairs();

    static final FacetsConfig FACETS_CONFIG = facetsConfig();

    private CaseStudyDocuments() {
    }

    /** The term of a finding in {@code domain} (or a domain of that group) that went {@code direction}. */
    static String domainDirection(String domain, String direction) {
        return domain + "/" + direction;
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    /** The map doc-values field of a framework scheme. */
    static String mapField(String scheme) {
        return "map." + scheme;
    }

    /** @param frameworkCodes the codes of the concepts the case study comes under, by scheme (see {@link #FRAMEWORKS}) */
    static Document toDocument(IndexableCaseStudy c, String summaryJson, Map<String, ? extends Collection<String>> frameworkCodes) {
        Document doc = new Document();
        frameworkCodes.forEach((scheme, codes) -> codes.forEach(code -> {
            doc.add(new StringField(scheme, code, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(scheme, code));
            doc.add(new SortedSetDocValuesField(mapField(scheme), new BytesRef(code)));
        }));
        doc.add(new BinaryDocValuesField(SUMMARY_JSON, new BytesRef(summaryJson)));
        doc.add(new StringField(ID, Long.toString(c.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID, c.id()));
        doc.add(new StringField(SLUG, c.slug(), Field.Store.YES));
        doc.add(new SortedDocValuesField(SLUG, new BytesRef(c.slug())));
        doc.add(new StringField(STATUS, c.status().toString(), Field.Store.NO));

        addText(doc, TITLE, c.title(), STORED_TEXT_WITH_OFFSETS);
        addText(doc, SUMMARY, c.summary(), STORED_TEXT_WITH_OFFSETS);
        addText(doc, BODY, c.bodyText(), STORED_TEXT_WITH_OFFSETS);
        List<String> places = new ArrayList<>();
        places.add(c.placeName());
        addIfPresent(places, c.localAuthority());
        addIfPresent(places, c.region());
        if (c.countryCode() != null) {
            places.add(countryName(c.countryCode()));
        }
        places.forEach(place -> addText(doc, PLACE, place, TextField.TYPE_NOT_STORED));
        c.organisations().forEach(name -> addText(doc, ORGANISATIONS, name, TextField.TYPE_NOT_STORED));
        c.approachNames().forEach(name -> addText(doc, APPROACH_NAMES, name, TextField.TYPE_NOT_STORED));
        c.findings().forEach(finding -> addText(doc, OUTCOMES, finding.statement(), TextField.TYPE_NOT_STORED));
        Set<String> domains = new LinkedHashSet<>();
        Set<String> directions = new LinkedHashSet<>();
        Set<String> pairs = new LinkedHashSet<>();
        StringBuilder packed = new StringBuilder();
        for (IndexableCaseStudy.IndexedFinding finding : c.findings()) {
            if (finding.domain() != null) {
                domains.add(finding.domain());
                if (finding.domainGroup() != null) {
                    domains.add(finding.domainGroup());
                }
            }
            directions.add(finding.direction().toString());
            if (finding.domain() != null) {
                pairs.add(domainDirection(finding.domain(), finding.direction().toString()));
                if (finding.domainGroup() != null) {
                    pairs.add(domainDirection(finding.domainGroup(), finding.direction().toString()));
                }
            }
            packed.append(finding.domain() == null ? "" : finding.domain()).append('\t')
                    .append(finding.direction().ordinal()).append(finding.level()).append('\n');
        }
        domains.forEach(domain -> {
            doc.add(new StringField(OUTCOME_DOMAIN, domain, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(OUTCOME_DOMAIN, domain));
        });
        directions.forEach(direction -> {
            doc.add(new StringField(DIRECTION, direction, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(DIRECTION, direction));
        });
        pairs.forEach(pair -> doc.add(new StringField(DOMAIN_DIRECTION, pair, Field.Store.NO)));
        doc.add(new BinaryDocValuesField(MAP_FINDINGS, new BytesRef(packed.toString())));
        c.approachSlugsWithBroader().forEach(slug -> doc.add(new SortedSetDocValuesField(MAP_APPROACH, new BytesRef(slug))));
        c.themes().forEach(theme -> doc.add(new SortedSetDocValuesField(MAP_THEME, new BytesRef(theme.toString()))));
        c.targetGroups().forEach(group -> doc.add(new SortedSetDocValuesField(MAP_TARGET_GROUP, new BytesRef(group.toString()))));
        if (c.countryCode() != null) {
            doc.add(new SortedSetDocValuesField(MAP_COUNTRY, new BytesRef(c.countryCode())));
        }
        doc.add(new NumericDocValuesField(MAP_LEVEL, c.evidenceLevel()));

        for (String slug : c.approachSlugsWithBroader()) {
            doc.add(new StringField(APPROACH, slug, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(APPROACH, slug));
        }
        c.approachSlugs().forEach(slug -> doc.add(new StringField(DIRECT_APPROACH, slug, Field.Store.YES)));
        if (c.countryCode() != null) {
            doc.add(new StringField(COUNTRY, c.countryCode(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(COUNTRY, c.countryCode()));
        }
        if (c.region() != null) {
            doc.add(new StringField(REGION, SearchAnalyzers.fold(c.region()), Field.Store.NO));
        }
        doc.add(new StringField(PLACE_KEY, SearchAnalyzers.fold(c.placeName()), Field.Store.NO));
        if (c.localAuthority() != null) {
            doc.add(new StringField(PLACE_KEY, SearchAnalyzers.fold(c.localAuthority()), Field.Store.NO));
        }
        c.themes().forEach(theme -> {
            doc.add(new StringField(THEME, theme.toString(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(THEME, theme.toString()));
        });
        c.targetGroups().forEach(group -> {
            doc.add(new StringField(TARGET_GROUP, group.toString(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(TARGET_GROUP, group.toString()));
        });
        if (c.scale() != null) { // unknown: in no scale's filter or facet
            doc.add(new StringField(SCALE, c.scale().toString(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(SCALE, c.scale().toString()));
        }
        doc.add(new IntPoint(EVIDENCE, c.evidenceLevel()));
        doc.add(new NumericDocValuesField(EVIDENCE_SORT, c.evidenceLevel()));
        doc.add(new SortedSetDocValuesFacetField(EVIDENCE, Integer.toString(c.evidenceLevel())));

        // A period with only one year known is taken as that year; "ongoing" runs to the open end.
        Integer from = c.startYear() != null ? c.startYear() : c.endYear();
        Integer to = c.ongoing() ? Integer.valueOf(OPEN_END) : c.endYear() != null ? c.endYear() : c.startYear();
        if (from != null && to != null) {
            doc.add(new IntPoint(ACTIVE_FROM, from));
            doc.add(new IntPoint(ACTIVE_TO, to));
        }
        if (c.startYear() != null) {
            doc.add(new NumericDocValuesField(START_SORT, c.startYear()));
        }
        long updatedMicros = c.updatedAt().getEpochSecond() * 1_000_000L + c.updatedAt().getNano() / 1_000;
        doc.add(new LongPoint(UPDATED, updatedMicros));
        doc.add(new NumericDocValuesField(UPDATED, updatedMicros));
        doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(SearchAnalyzers.fold(c.title()))));

        PlaceQueries.addFields(doc, c.asListed().place());

        doc.add(new TextField(TITLE_WORDS, c.title(), Field.Store.NO));
        if (c.status() == CaseStudyStatus.PUBLISHED) {
            // Completion reads the term dictionary, which no status filter reaches: only published places go in.
            doc.add(new StringField(PLACE_COMPLETION,
                    SearchAnalyzers.fold(c.placeName()) + COMPLETION_SEPARATOR + c.placeName(), Field.Store.NO));
        }
        try {
            return FACETS_CONFIG.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The word-pair twin of a text field: where two-word phrases are looked up. */
    static String pairField(String field) {
        return field + PAIR_FIELD_SUFFIX;
    }

    static boolean isPairField(String field) {
        return field.endsWith(PAIR_FIELD_SUFFIX);
    }

    /** A free-text value, and its word pairs in the field's twin. */
    private static void addText(Document doc, String field, String value, FieldType type) {
        doc.add(new Field(field, value, type));
        doc.add(new Field(pairField(field), value, WORD_PAIRS));
    }

    static String countryName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    private static void addIfPresent(List<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    private static FieldType storedTextWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static FieldType wordPairs() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    /**
     * The doc-values field of one facet dimension. Each dimension has its own field so that a multi-select count,
     * which needs one dimension only, reads only that dimension's values.
     */
    static String facetField(String dimension) {
        return FACET_FIELD_PREFIX + dimension;
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        FACETS.forEach(dimension -> config.setIndexFieldName(dimension, facetField(dimension)));
        config.setMultiValued(APPROACH, true);
        config.setMultiValued(THEME, true);
        config.setMultiValued(TARGET_GROUP, true);
        config.setMultiValued(OUTCOME_DOMAIN, true);
        config.setMultiValued(DIRECTION, true);
        FRAMEWORKS.forEach(scheme -> config.setMultiValued(scheme, true));
        return config;
    }
}
