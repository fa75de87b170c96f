package org.integrationevidence.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;
import org.junit.jupiter.api.Test;

class IfMatchUnitTest {

    private static final FieldError MALFORMED = new FieldError("If-Match", "must be * or quoted ETags");

    @Test
    void theEtagOfAVersionIsTheVersionInQuotes() {
        assertEquals("\"7\"", IfMatch.etag(7));
    }

    @Test
    void aMissingHeaderIsRequired() {
        for (String header : new String[] {null, "", "  "}) {
            ApiException e = assertThrows(ApiException.class, () -> IfMatch.required(header));
            assertEquals(ProblemType.PRECONDITION_REQUIRED, e.type());
            assertEquals(428, e.type().status());
            assertNull(e.errors());
        }
    }

    @Test
    void aMissingOptionalHeaderIsNull() {
        assertNull(IfMatch.optional(null));
        assertNull(IfMatch.optional(" "));
    }

    @Test
    void aStarMatchesAnyVersion() {
        IfMatch star = IfMatch.required(" * ");
        assertEquals(new IfMatch(true, Set.of()), star);
        star.check(0, "The case study");
        star.check(41, "The case study");
        assertEquals(new IfMatch(true, Set.of()), IfMatch.optional("*"));
    }

    @Test
    void quotedTagsNameTheirVersions() {
        assertEquals(new IfMatch(false, Set.of(3L)), IfMatch.required("\"3\""));
        assertEquals(new IfMatch(false, Set.of(1L, 2L, 5L)), IfMatch.required("\"1\", \"2\",\"5\""));
        assertEquals(new IfMatch(false, Set.of(4L)), IfMatch.optional("\"4\""));
    }

    @Test
    void aTagOfAGetNamesTheVersionBeforeItsDot() {
        assertEquals(new IfMatch(false, Set.of(3L)), IfMatch.required("\"3.q3Zx0Yl1zX2aYv7Qd3C0xA\""));
    }

    @Test
    void weakTagsNeverMatch() {
        IfMatch weak = IfMatch.required("W/\"3\"");
        assertEquals(new IfMatch(false, Set.of()), weak);
        assertThrows(ApiException.class, () -> weak.check(3, "The case study"));
        assertEquals(new IfMatch(false, Set.of(4L)), IfMatch.required("W/\"3\", \"4\""));
    }

    @Test
    void aQuotedTagThatIsNotOursMatchesNothing() {
        assertEquals(new IfMatch(false, Set.of()), IfMatch.required("\"abc\""));
        assertEquals(new IfMatch(false, Set.of(2L)), IfMatch.required("\"\", \"x.1\", \"2\""));
    }

    @Test
    void aMalformedHeaderIsABadRequest() {
        for (String header : List.of("3", "\"3", "3\"", "\"", "*, \"3\"", "w/\"3\"")) {
            ApiException e = assertThrows(ApiException.class, () -> IfMatch.required(header), header);
            assertEquals(ProblemType.BAD_REQUEST, e.type(), header);
            assertEquals(400, e.type().status());
            assertEquals(List.of(MALFORMED), e.errors(), header);
            assertEquals("If-Match must be * or a list of quoted ETags, such as \"3\".", e.getMessage());
        }
        assertThrows(ApiException.class, () -> IfMatch.optional("3"));
    }

    @Test
    void checkPassesForAnyVersionTheClientRead() {
        IfMatch read = IfMatch.required("\"2\", \"3\"");
        read.check(2, "The case study");
        read.check(3, "The case study");
    }

    @Test
    void checkFailsWithTheCurrentVersionWhenTheClientReadAnother() {
        ApiException e = assertThrows(ApiException.class, () -> IfMatch.required("\"2\"").check(5, "The case study"));
        assertEquals(ProblemType.PRECONDITION_FAILED, e.type());
        assertEquals(412, e.type().status());
        assertEquals("The case study has changed: its current version is 5 (ETag \"5\"). Read it again and reapply "
                + "your change.", e.getMessage());
        assertEquals(List.of(new FieldError("If-Match", "current ETag is \"5\"")), e.errors());
    }

    @Test
    void anIfMatchOfVersionsOnlyIsNotAny() {
        assertFalse(IfMatch.required("\"1\"").any());
        assertTrue(IfMatch.required("*").any());
    }

    /** RFC 9110, section 5.6.1.2: a recipient parses and ignores empty elements of a list. */
    @Test
    void emptyListElementsAreIgnored() {
        assertEquals(new IfMatch(false, Set.of(3L, 4L)), IfMatch.required("\"3\", , \"4\""));
        assertEquals(new IfMatch(false, Set.of(3L)), IfMatch.required(", \"3\""));
    }
}
