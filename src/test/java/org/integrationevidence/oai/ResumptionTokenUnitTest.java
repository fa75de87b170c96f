package org.integrationevidence.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ResumptionTokenUnitTest {

    private static final byte[] KEY = "a key of thirty-two bytes, exact".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(24);

    private final ResumptionToken token = new ResumptionToken(Verb.ListRecords, "oai_dc",
            "approach:social-contact-and-mixing:school-linking", Instant.parse("2026-01-01T00:00:00Z"), null, 1042, 999,
            300, 1000, ISSUED);

    @Test
    void aTokenCarriesItsListAndPlace() {
        assertEquals(token, ResumptionToken.decode(KEY, token.encode(KEY), Verb.ListRecords, ISSUED, LIFETIME));
        assertEquals(ISSUED.plus(LIFETIME), token.expiresAt(LIFETIME));
    }

    @Test
    void anAlteredTokenOneOfAnotherVerbOrKeyAndAnExpiredOneAreRefused() {
        String encoded = token.encode(KEY);
        String altered = encoded.substring(0, 5) + (encoded.charAt(5) == 'A' ? 'B' : 'A') + encoded.substring(6);
        for (String bad : new String[] {altered, "", "x.y", encoded + "x"}) {
            assertRefused(() -> ResumptionToken.decode(KEY, bad, Verb.ListRecords, ISSUED, LIFETIME));
        }
        assertRefused(() -> ResumptionToken.decode(KEY, encoded, Verb.ListIdentifiers, ISSUED, LIFETIME));
        assertRefused(() -> ResumptionToken.decode("another key of thirty-two bytes.".getBytes(), encoded, Verb.ListRecords,
                ISSUED, LIFETIME));
        OaiException expired = assertThrows(OaiException.class, () -> ResumptionToken.decode(KEY, encoded, Verb.ListRecords,
                ISSUED.plus(LIFETIME).plusSeconds(1), LIFETIME));
        assertTrue(expired.getMessage().contains("expired"));
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable decode) {
        OaiException error = assertThrows(OaiException.class, decode);
        assertEquals(OaiError.Code.badResumptionToken, error.errors().get(0).code());
    }
}
