package org.integrationevidence.framework;

/** Examples that the OpenAPI annotations of the frameworks need as constants. */
final class FrameworkExamples {

    private static final String BASE = "https://evidence.example.org/api/v1/";

    /** A scheme as SKOS in JSON-LD, cut to one concept and one mapping. */
    static final String SCHEME_JSON_LD = "{\"@context\": {\"skos\": \"http://www.w3.org/2004/02/skos/core#\", "
            + "\"dct\": \"http://purl.org/dc/terms/\"}, \"@graph\": [{\"@id\": \"" + BASE + "frameworks/cbp\", "
            + "\"@type\": \"skos:ConceptScheme\", \"skos:prefLabel\": \"Common Basic Principles for Immigrant Integration "
            + "Policy in the European Union\", \"dct:description\": \"The eleven principles adopted by the Justice and Home "
            + "Affairs Council of the European Union. (...) The mappings from approaches and outcome domains are the "
            + "repository's judgement, not the Council's.\", \"dct:source\": \"Council of the European Union, Justice and "
            + "Home Affairs Council, 19 November 2004 (Council document 14615/04)\", \"dct:hasVersion\": \"14615/04, adopted "
            + "19 November 2004\", \"skos:hasTopConcept\": [{\"@id\": \"" + BASE + "frameworks/cbp/7\"}]}, "
            + "{\"@id\": \"" + BASE + "frameworks/cbp/7\", \"@type\": \"skos:Concept\", \"skos:notation\": \"7\", "
            + "\"skos:prefLabel\": \"Frequent interaction between immigrants and Member State citizens is a fundamental "
            + "mechanism for integration. (...)\", \"skos:definition\": \"Regular meeting and mixing between newcomers and "
            + "established residents, in shared places and activities, is one of the main ways integration happens.\", "
            + "\"skos:inScheme\": {\"@id\": \"" + BASE + "frameworks/cbp\"}, \"skos:topConceptOf\": {\"@id\": \"" + BASE
            + "frameworks/cbp\"}, \"skos:closeMatch\": [{\"@id\": \"" + BASE + "approaches/social-contact-and-mixing\"}]}]}";

    private FrameworkExamples() {
    }
}
