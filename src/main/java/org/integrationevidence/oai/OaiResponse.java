package org.integrationevidence.oai;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.integrationevidence.casestudy.CaseStudyView;

/** An answer of the provider, as {@link OaiPmhWriter} writes it: errors, or the result of one verb. */
record OaiResponse(Instant responseDate, String baseUrl, Map<String, String> requestArguments, List<OaiError> errors,
        Result result) {

    /** What a verb answers. */
    sealed interface Result {
    }

    record Identify(String repositoryName, String adminEmail, Instant earliestDatestamp) implements Result {
    }

    record MetadataFormats(List<MetadataFormat> formats) implements Result {
    }

    record Sets(List<OaiSet> sets) implements Result {
    }

    /** ListIdentifiers (no format: headers only) or ListRecords; a token when the list is split, else null. */
    record Records(Verb verb, MetadataFormat format, List<Item> items, Token token) implements Result {
    }

    record OneRecord(MetadataFormat format, Item item) implements Result {
    }

    /** A record: its header, and the case study when it is not deleted. */
    record Item(String identifier, Instant datestamp, List<String> setSpecs, CaseStudyView caseStudy) {

        boolean deleted() {
            return caseStudy == null;
        }
    }

    /** A resumption token, empty ({@code value} null) on the last part of a split list. */
    record Token(String value, Instant expirationDate, long completeListSize, long cursor) {
    }
}
