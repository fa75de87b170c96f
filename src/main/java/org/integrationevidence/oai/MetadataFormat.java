package org.integrationevidence.oai;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formats records are disseminated in: Dublin Core, which the protocol requires, and the full case study in the
 * repository's own schema, served at {@value #CASE_STUDY_SCHEMA_PATH}.
 */
enum MetadataFormat {
    OAI_DC("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
    CASE_STUDY("case_study", "oai/case-study.xsd", CaseStudyXml.NAMESPACE);

    /** Where the case study schema is served, below the service's base URL. */
    static final String CASE_STUDY_SCHEMA_PATH = "oai/case-study.xsd";

    final String prefix;
    /** The schema's URL; relative to the service's base URL when it is served here. */
    final String schema;
    final String namespace;

    MetadataFormat(String prefix, String schema, String namespace) {
        this.prefix = prefix;
        this.schema = schema;
        this.namespace = namespace;
    }

    static Optional<MetadataFormat> withPrefix(String prefix) {
        return Arrays.stream(values()).filter(format -> format.prefix.equals(prefix)).findFirst();
    }
}
