package org.integrationevidence.openapi;

/**
 * Examples of the JSON-LD and CSV representations for the OpenAPI document, written once for the operations that
 * serve them. They describe sample data, not a real initiative.
 */
public final class FormatExamples {

    private static final String BASE = "https://evidence.example.org/api/v1/";
    /** As formats.JsonLd writes them (its unit test checks that these examples carry the same). */
    static final String TAXONOMY_LABEL = "Integration Evidence Repository: approaches to integration";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";

    private static final String ARTICLE = "\"@type\": \"Article\", "
            + "\"@id\": \"" + BASE + "case-studies/example-language-cafe\", "
            + "\"url\": \"" + BASE + "case-studies/example-language-cafe\", "
            + "\"identifier\": \"example-language-cafe\", "
            + "\"name\": \"Example: a sample language café\", \"headline\": \"Example: a sample language café\", "
            + "\"abstract\": \"A sample case study that describes no real initiative.\", "
            + "\"about\": [{\"@type\": \"DefinedTerm\", \"@id\": \"" + BASE + "approaches/language-learning\", "
            + "\"name\": \"Language learning\", \"termCode\": \"language-learning\", \"inDefinedTermSet\": {\"@type\": "
            + "\"DefinedTermSet\", \"@id\": \"" + BASE + "approaches\", \"name\": \"" + TAXONOMY_LABEL + "\"}}, "
            + "{\"@type\": \"DefinedTerm\", \"name\": \"Language\", \"termCode\": \"language\", \"url\": \"" + BASE
            + "case-studies?theme=language\", \"inDefinedTermSet\": {\"@type\": \"DefinedTermSet\", \"name\": "
            + "\"Integration Evidence Repository: themes\"}}], "
            + "\"spatialCoverage\": {\"@type\": \"Place\", \"name\": \"Example Town\", \"address\": {\"@type\": "
            + "\"PostalAddress\", \"addressCountry\": \"GB\"}, \"geo\": {\"@type\": \"GeoCoordinates\", \"latitude\": 53.8, "
            + "\"longitude\": -1.75}}, "
            + "\"temporalCoverage\": \"2019/..\", "
            + "\"license\": \"https://spdx.org/licenses/CC-BY-4.0\", "
            + "\"dateCreated\": \"2026-11-01T09:00:00Z\", \"dateModified\": \"2026-11-02T10:30:00Z\"";

    public static final String CASE_STUDY_JSON_LD = "{\"@context\": \"https://schema.org\", " + ARTICLE + ", "
            + "\"articleBody\": \"An **example** body.\", "
            + "\"mentions\": [{\"@type\": \"Organization\", \"name\": \"Example Council\"}], "
            + "\"citation\": [{\"@type\": \"CreativeWork\", \"name\": \"Example source\", \"url\": \"https://example.org/source\", "
            + "\"publisher\": \"Example Publisher\", \"datePublished\": \"2019-05-01\"}], "
            + "\"creativeWorkStatus\": \"published\", \"version\": 1}";

    public static final String PAGE_JSON_LD = "{\"@context\": [\"https://schema.org\", {\"hydra\": \"" + HYDRA + "\"}], "
            + "\"@type\": \"ItemList\", \"@id\": \"" + BASE + "case-studies?approach=language-learning&limit=1\", "
            + "\"numberOfItems\": 2, \"itemListElement\": [{" + ARTICLE + "}], "
            + "\"hydra:view\": {\"@id\": \"" + BASE + "case-studies?approach=language-learning&limit=1\", "
            + "\"@type\": \"hydra:PartialCollectionView\", \"hydra:next\": {\"@id\": \"" + BASE
            + "case-studies?approach=language-learning&limit=1&cursor=czF8LXVwZGF0ZWR8\"}}}";

    /** A GeoJSON feature as formats.GeoJson writes it: [longitude, latitude], the slug as id, the summary as properties. */
    private static final String FEATURE = "{\"type\": \"Feature\", \"id\": \"example-language-cafe\", "
            + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [-1.75, 53.8]}, "
            + "\"properties\": {\"slug\": \"example-language-cafe\", \"title\": \"Example: a sample language café\", "
            + "\"summary\": \"A sample case study that describes no real initiative.\", \"place\": {\"name\": "
            + "\"Example Town\", \"localAuthority\": null, \"region\": null, \"countryCode\": \"GB\", \"latitude\": 53.8, "
            + "\"longitude\": -1.75, \"scale\": \"city\", \"subdivisionCode\": null, \"nutsCode\": null, "
            + "\"degreeOfUrbanisation\": null, \"populationBand\": null}, \"evidenceLevel\": 1, "
            + "\"status\": \"published\", \"licence\": \"CC-BY-4.0\", \"createdAt\": \"2026-11-01T09:00:00Z\", "
            + "\"updatedAt\": \"2026-11-02T10:30:00Z\"}}";

    /** A page of a list or search as GeoJSON: one located case study, and three matches without coordinates. */
    public static final String PAGE_GEO_JSON = "{\"type\": \"FeatureCollection\", \"features\": [" + FEATURE + "], "
            + "\"withoutCoordinates\": 3}";

    /** One case study as GeoJSON: a collection of its one feature. */
    public static final String CASE_STUDY_GEO_JSON = "{\"type\": \"FeatureCollection\", \"features\": [" + FEATURE
            + "], \"withoutCoordinates\": 0}";

    public static final String TAXONOMY_JSON_LD = "{\"@context\": {\"skos\": \"" + SKOS + "\"}, \"@graph\": ["
            + "{\"@id\": \"" + BASE + "approaches\", \"@type\": \"skos:ConceptScheme\", \"skos:prefLabel\": \""
            + TAXONOMY_LABEL + "\", \"skos:hasTopConcept\": [{\"@id\": \"" + BASE + "approaches/language-learning\"}]}, "
            + "{\"@id\": \"" + BASE + "approaches/language-learning\", \"@type\": \"skos:Concept\", \"skos:prefLabel\": "
            + "\"Language learning\", \"skos:definition\": \"Helping newcomers learn the language of the place.\", "
            + "\"skos:notation\": \"language-learning\", \"skos:inScheme\": {\"@id\": \"" + BASE + "approaches\"}, "
            + "\"skos:topConceptOf\": {\"@id\": \"" + BASE + "approaches\"}, \"skos:narrower\": [{\"@id\": \"" + BASE
            + "approaches/conversation-clubs\"}]}, "
            + "{\"@id\": \"" + BASE + "approaches/conversation-clubs\", \"@type\": \"skos:Concept\", \"skos:prefLabel\": "
            + "\"Conversation clubs\", \"skos:definition\": \"Informal meetings to practise speaking.\", "
            + "\"skos:notation\": \"conversation-clubs\", \"skos:inScheme\": {\"@id\": \"" + BASE + "approaches\"}, "
            + "\"skos:broader\": [{\"@id\": \"" + BASE + "approaches/language-learning\"}]}]}";

    public static final String APPROACH_JSON_LD = "{\"@context\": {\"skos\": \"" + SKOS + "\"}, "
            + "\"@id\": \"" + BASE + "approaches/conversation-clubs\", \"@type\": \"skos:Concept\", \"skos:prefLabel\": "
            + "\"Conversation clubs\", \"skos:definition\": \"Informal meetings to practise speaking.\", "
            + "\"skos:notation\": \"conversation-clubs\", \"skos:inScheme\": {\"@id\": \"" + BASE + "approaches\"}, "
            + "\"skos:broader\": [{\"@id\": \"" + BASE + "approaches/language-learning\"}]}";

    /** As formats.JsonLd writes them. */
    static final String OUTCOME_DOMAINS_LABEL = "Integration Evidence Repository: outcome domains";
    static final String OUTCOME_DOMAINS_DESCRIPTION = "The areas of life in which the outcomes of integration fall. "
            + "The names of its groups and domains follow the UK Home Office Indicators of Integration framework "
            + "(2019, third edition); the definitions are the repository's own words.";
    static final String DCTERMS = "http://purl.org/dc/terms/";

    private static final String BRIDGES_CONCEPT = "\"@id\": \"" + BASE + "outcome-domains/bridges\", \"@type\": \"skos:Concept\", "
            + "\"skos:prefLabel\": \"Bridges\", \"skos:definition\": \"Contact, friendship and trust between people of "
            + "different backgrounds.\", \"skos:notation\": \"bridges\", \"skos:inScheme\": {\"@id\": \"" + BASE
            + "outcome-domains\"}, \"skos:broader\": [{\"@id\": \"" + BASE + "outcome-domains/social-connections\"}]";

    public static final String OUTCOME_DOMAINS_JSON_LD = "{\"@context\": {\"skos\": \"" + SKOS + "\", \"dct\": \"" + DCTERMS
            + "\"}, \"@graph\": [{\"@id\": \"" + BASE + "outcome-domains\", \"@type\": \"skos:ConceptScheme\", "
            + "\"skos:prefLabel\": \"" + OUTCOME_DOMAINS_LABEL + "\", \"dct:description\": \"" + OUTCOME_DOMAINS_DESCRIPTION
            + "\", \"skos:hasTopConcept\": [{\"@id\": \"" + BASE + "outcome-domains/social-connections\"}]}, "
            + "{\"@id\": \"" + BASE + "outcome-domains/social-connections\", \"@type\": \"skos:Concept\", "
            + "\"skos:prefLabel\": \"Social connections\", \"skos:definition\": \"The relationships that tie people to "
            + "one another and to the institutions around them.\", \"skos:notation\": \"social-connections\", "
            + "\"skos:inScheme\": {\"@id\": \"" + BASE + "outcome-domains\"}, \"skos:topConceptOf\": {\"@id\": \"" + BASE
            + "outcome-domains\"}, \"skos:narrower\": [{\"@id\": \"" + BASE + "outcome-domains/bridges\"}]}, " + "{" + BRIDGES_CONCEPT + "}]}";

    public static final String OUTCOME_DOMAIN_JSON_LD = "{\"@context\": {\"skos\": \"" + SKOS + "\"}, "
            + BRIDGES_CONCEPT + "}";

    public static final String TAXONOMY_CSV = "slug,name,definition,broader,narrower,caseStudyCount\r\n"
            + "language-learning,Language learning,Helping newcomers learn the language of the place.,,conversation-clubs,2\r\n"
            + "conversation-clubs,Conversation clubs,Informal meetings to practise speaking.,language-learning,,1\r\n";

    /** A case study as one CSV row, with the export's columns (formats.CaseStudyCsv). */
    public static final String CASE_STUDY_CSV = "slug,title,summary,body,place.name,place.localAuthority,place.region,"
            + "place.countryCode,place.latitude,place.longitude,place.scale,period.startYear,period.endYear,period.ongoing,"
            + "leadOrganisations,partnerOrganisations,approaches,themes,targetGroups,outcomes,evidence.level,"
            + "evidence.rationale,sources.title,sources.url,licence,createdAt,updatedAt,version\r\n"
            + "example-language-cafe,Example: a sample language café,A sample row that describes no real initiative.,"
            + "An **example** body.,Example Town,,,GB,,,city,2019,,true,Example Council,,language-learning,"
            + "language|social-contact,adults,,1,Sample data: there is no evidence behind it.,Example source,"
            + "https://example.org/source,CC-BY-4.0,2026-11-01T09:00:00Z,2026-11-02T10:30:00Z,1\r\n";

    private static final String CITED_URL = BASE + "case-studies/example-language-cafe/versions/1";
    private static final String CSL_CASE_STUDY = "{\"id\": \"example-language-cafe-v1\", \"type\": \"document\", "
            + "\"title\": \"Example: a sample language café\", \"author\": [{\"literal\": \"Integration Evidence Repository\"}], "
            + "\"publisher\": \"Integration Evidence Repository\", \"issued\": {\"date-parts\": [[2026, 11, 2]]}, "
            + "\"version\": \"1\", \"URL\": \"" + CITED_URL + "\", "
            + "\"abstract\": \"A sample row that describes no real initiative.\"}";
    private static final String BIBTEX_CASE_STUDY = "@misc{example-language-cafe-v1,\n"
            + "  title = {Example: a sample language café},\n"
            + "  author = {{Integration Evidence Repository}},\n"
            + "  publisher = {Integration Evidence Repository},\n"
            + "  year = {2026},\n"
            + "  date = {2026-11-02},\n"
            + "  version = {1},\n"
            + "  url = {" + CITED_URL + "},\n"
            + "  abstract = {A sample row that describes no real initiative.},\n"
            + "}\n\n";
    private static final String RIS_CASE_STUDY = "TY  - GEN\r\nID  - example-language-cafe-v1\r\n"
            + "TI  - Example: a sample language café\r\nAU  - Integration Evidence Repository\r\n"
            + "PB  - Integration Evidence Repository\r\nPY  - 2026\r\nDA  - 2026/11/02\r\n"
            + "UR  - " + CITED_URL + "\r\nAB  - A sample row that describes no real initiative.\r\nER  - \r\n\r\n";

    /** A page of case studies (and an export) as CSL-JSON (formats.Csl): each case study at its current version. */
    public static final String PAGE_CSL_JSON = "[" + CSL_CASE_STUDY + "]";
    /** A page of case studies (and an export) as BibTeX (formats.BibTex). */
    public static final String PAGE_BIBTEX = BIBTEX_CASE_STUDY;
    /** A page of case studies (and an export) as RIS (formats.Ris). */
    public static final String PAGE_RIS = RIS_CASE_STUDY;

    /** A case study, or a version of one, as CSL-JSON: its citation, then the works it cites. */
    public static final String CASE_STUDY_CSL_JSON = "[" + CSL_CASE_STUDY + ", {\"id\": \"example-language-cafe-v1-source-1\", "
            + "\"type\": \"book\", \"title\": \"Example source\", \"author\": [{\"literal\": \"A. Author\"}], "
            + "\"publisher\": \"Example Press\", \"issued\": {\"date-parts\": [[2019, 5, 1]]}, "
            + "\"URL\": \"https://example.org/source\", \"DOI\": \"10.5555/12345678\", \"ISBN\": \"978-0-306-40615-7\"}]";
    /** The same as BibTeX. */
    public static final String CASE_STUDY_BIBTEX = BIBTEX_CASE_STUDY + "@book{example-language-cafe-v1-source-1,\n"
            + "  title = {Example source},\n  author = {{A. Author}},\n  publisher = {Example Press},\n"
            + "  year = {2019},\n  date = {2019-05-01},\n  url = {https://example.org/source},\n"
            + "  doi = {10.5555/12345678},\n  isbn = {978-0-306-40615-7},\n}\n\n";
    /** The same as RIS. */
    public static final String CASE_STUDY_RIS = RIS_CASE_STUDY + "TY  - BOOK\r\nID  - example-language-cafe-v1-source-1\r\n"
            + "TI  - Example source\r\nAU  - A. Author\r\nPB  - Example Press\r\nPY  - 2019\r\nDA  - 2019/05/01\r\n"
            + "UR  - https://example.org/source\r\nDO  - 10.5555/12345678\r\nSN  - 978-0-306-40615-7\r\nER  - \r\n\r\n";

    private FormatExamples() {
    }
}
