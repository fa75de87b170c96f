package org.integrationevidence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;


/** Which parts of a path the access log writes down. */
class AccessLogTest {

    @Test
    void aKeyPastedIntoAPathIsRedacted() {
        assertEquals("/api/v1/case-studies/" + AccessLog.REDACTED, AccessLog.redact("/api/v1/case-studies/iek_AbC-123_xyz"));
        assertEquals("/api/v1/" + AccessLog.REDACTED + "/revisions", AccessLog.redact("/api/v1/IEK%5Fsecret/revisions"));
        assertEquals("/api/v1/case-studies/" + AccessLog.REDACTED, AccessLog.redact("/api/v1/case-studies/iek%5fsecret"));
    }

    @Test
    void otherPathsAreWrittenAsTheyAre() {
        assertEquals("/api/v1/case-studies/bradford-bangladeshi-women-football",
                AccessLog.redact("/api/v1/case-studies/bradford-bangladeshi-women-football"));
        assertEquals("/api/v1/case-studies/leek_growers", AccessLog.redact("/api/v1/case-studies/leek_growers"));
        assertEquals("/api/v1/case-studies/caf%C3%A9-iek", AccessLog.redact("/api/v1/case-studies/caf%C3%A9-iek"));
        assertEquals("", AccessLog.redact(null));
    }
}
