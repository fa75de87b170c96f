package org.integrationevidence.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OaiRequestUnitTest {

    private static Map<String, List<String>> parameters(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.computeIfAbsent(pairs[i], name -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return parameters;
    }

    private static List<OaiError.Code> errors(String... pairs) {
        OaiException error = assertThrows(OaiException.class, () -> OaiRequest.parse(parameters(pairs)));
        return error.errors().stream().map(OaiError::code).toList();
    }

    @Test
    void aValidRequestKeepsItsArguments() {
        OaiRequest request = OaiRequest.parse(parameters("verb", "ListRecords", "metadataPrefix", "oai_dc", "set",
                "country:GB", "from", "2026-01-01", "until", "2026-02-01"));
        assertEquals(Verb.ListRecords, request.verb());
        assertEquals("country:GB", request.argument("set"));
        assertEquals(Verb.ListIdentifiers, OaiRequest.parse(parameters("verb", "ListIdentifiers", "resumptionToken", "t")).verb());
    }

    @Test
    void theVerbIsOneOfSixAndNotRepeated() {
        assertEquals(List.of(OaiError.Code.badVerb), errors());
        assertEquals(List.of(OaiError.Code.badVerb), errors("verb", "identify"));
        assertEquals(List.of(OaiError.Code.badVerb), errors("verb", "Identify", "verb", "Identify"));
    }

    @Test
    void everyBadArgumentIsReported() {
        // set is not GetRecord's; identifier and metadataPrefix are missing.
        assertEquals(List.of(OaiError.Code.badArgument, OaiError.Code.badArgument, OaiError.Code.badArgument),
                errors("verb", "GetRecord", "set", "x"));
        assertEquals(List.of(OaiError.Code.badArgument), errors("verb", "ListSets", "metadataPrefix", "oai_dc"));
        assertEquals(List.of(OaiError.Code.badArgument), errors("verb", "ListRecords", "metadataPrefix", "oai_dc",
                "metadataPrefix", "case_study"));
        assertEquals(List.of(OaiError.Code.badArgument), errors("verb", "ListRecords", "resumptionToken", "t", "set", "x"));
        assertEquals(List.of(OaiError.Code.badArgument), errors("verb", "GetRecord", "identifier", "x",
                "metadataPrefix", "oai_dc", "resumptionToken", "t"));
    }

    @Test
    void datesHaveOneGranularityAndFromIsNotAfterUntil() {
        assertEquals(List.of(OaiError.Code.badArgument), errors("verb", "ListRecords", "metadataPrefix", "oai_dc",
                "from", "2026-01-01", "until", "2026-01-01T00:00:00Z"));
        assertEquals(List.of(OaiError.Code.badArgument), errors("verb", "ListRecords", "metadataPrefix", "oai_dc",
                "from", "2026-01-02", "until", "2026-01-01"));
        OaiRequest.parse(parameters("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2026-01-01T10:00:00Z",
                "until", "2026-01-01T10:00:00Z"));
    }
}
