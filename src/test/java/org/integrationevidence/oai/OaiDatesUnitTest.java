package org.integrationevidence.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class OaiDatesUnitTest {

    @Test
    void datestampsAreToTheSecondInUtc() {
        assertEquals("2026-11-02T10:30:00Z", OaiDates.format(Instant.parse("2026-11-02T10:30:00.987654Z")));
    }

    @Test
    void aSecondBoundIncludesItsWholeSecond() {
        OaiDates.Bound bound = OaiDates.parse("until", "2026-11-02T10:30:00Z");
        assertFalse(bound.days());
        assertEquals(Instant.parse("2026-11-02T10:30:00Z"), bound.fromInclusive());
        assertEquals(Instant.parse("2026-11-02T10:30:01Z"), bound.untilExclusive());
    }

    @Test
    void aDayBoundIncludesItsWholeDay() {
        OaiDates.Bound bound = OaiDates.parse("from", "2026-11-02");
        assertTrue(bound.days());
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), bound.fromInclusive());
        assertEquals(Instant.parse("2026-11-03T00:00:00Z"), bound.untilExclusive());
    }

    @Test
    void anythingElseIsABadArgumentNamingTheArgument() {
        for (String value : new String[] {"2026-02-30", "2026-11-02T10:30Z", "2026-11-02T10:30:00+01:00",
                "2026-11-02T10:30:00.5Z", "02/11/2026", "", "2026-11-02 ", "２０２６-11-02"}) {
            OaiException error = assertThrows(OaiException.class, () -> OaiDates.parse("from", value), value);
            assertEquals(OaiError.Code.badArgument, error.errors().get(0).code());
            assertTrue(error.getMessage().startsWith("The argument from must be"), error.getMessage());
        }
    }
}
