package org.integrationevidence.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;
import org.junit.jupiter.api.Test;

class CursorCodecUnitTest {

    private static final byte[] KEY = "the cursor key of every instance".getBytes(StandardCharsets.UTF_8);
    private static final long ISSUED = Instant.parse("2026-11-01T10:00:00Z").getEpochSecond();
    private static final Instant NOW = Instant.ofEpochSecond(ISSUED).plusSeconds(60);
    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final String SLUG = "bradford-bangladeshi-women-football";
    private static final FieldError OTHER_SEARCH = new FieldError("cursor", "belongs to a different search; send it "
            + "with the same q, filters and sort as the page it came from, or start again without it");
    private static final FieldError NOT_A_CURSOR = new FieldError("cursor",
            "is not a cursor returned by this API for this request; start again without it");

    @Test
    void aCursorOfEachSortComesBackAsEncoded() {
        assertRoundTrip(SearchSort.RELEVANCE, 3.25f);
        assertRoundTrip(SearchSort.UPDATED, 1_793_527_200_000_000L);
        assertRoundTrip(SearchSort.TITLE, new BytesRef("bradford council: engaging women"));
        assertRoundTrip(SearchSort.EVIDENCE, 4L);
        assertRoundTrip(SearchSort.START, 2005L);
        assertRoundTrip(SearchSort.DISTANCE, 12_345.678_901_234_5);
        assertRoundTrip(SearchSort.DISTANCE, Double.POSITIVE_INFINITY); // after a hit without coordinates
        assertRoundTrip(SearchSort.SIMILAR_PLACE, 7.25f);
    }

    @Test
    void aDistanceCursorIsOnlyForTheSamePoint() {
        SearchRequest nearBradford = request("women", SearchSort.DISTANCE, null)
                .withGeo(new GeoQuery(null, new GeoQuery.Near(53.79, -1.75, null), null));
        String cursor = CursorCodec.encode(KEY, nearBradford, 7, hit(1000.0), 42, ISSUED);
        SearchRequest nearTurin = request("women", SearchSort.DISTANCE, cursor)
                .withGeo(new GeoQuery(null, new GeoQuery.Near(45.07, 7.68, null), null));
        assertEquals(List.of(OTHER_SEARCH),
                assertThrows(ApiException.class, () -> CursorCodec.decode(KEY, nearTurin, NOW, LIFETIME)).errors());
    }

    @Test
    void aCursorAfterACaseStudyOfUnknownStartComesBack() {
        assertRoundTrip(SearchSort.START, Long.MIN_VALUE);
    }

    @Test
    void aTitleSortValueOfAnyBytesComesBack() {
        assertRoundTrip(SearchSort.TITLE, new BytesRef("malmö | göteborg …".getBytes(StandardCharsets.UTF_8)));
        assertRoundTrip(SearchSort.TITLE, new BytesRef(new byte[] {(byte) 0xff, 0, 0x7c}));
    }

    @Test
    void onlyTheSortValueOfItsHitIsEncoded() {
        BytesRef value = new BytesRef(new byte[] {0, 'a', 'b', 0}, 1, 2);
        String cursor = CursorCodec.encode(KEY, request("q", SearchSort.TITLE, null), 1, hit(value), 10, ISSUED);
        FieldDoc after = CursorCodec.decode(KEY, request("q", SearchSort.TITLE, cursor), NOW, LIFETIME).after();
        assertEquals(new BytesRef("ab"), after.fields[0]);
    }

    @Test
    void aValueOfAnotherTypeCannotBeEncoded() {
        SearchRequest request = request("q", SearchSort.EVIDENCE, null);
        assertThrows(IllegalStateException.class, () -> CursorCodec.encode(KEY, request, 1, hit(4), 10, ISSUED));
    }

    @Test
    void aCursorOfAnotherQOrFiltersIsRefused() {
        String cursor = CursorCodec.encode(KEY, request("women", SearchSort.RELEVANCE, null), 1, hit(1.5f), 10, ISSUED);
        assertRefused(OTHER_SEARCH, request("football", SearchSort.RELEVANCE, cursor));
        assertRefused(OTHER_SEARCH, request("women", List.of("GB"), SearchSort.RELEVANCE, List.of(), 20, cursor));
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String cursor = CursorCodec.encode(KEY, request("q", SearchSort.EVIDENCE, null), 1, hit(4L), 10, ISSUED);
        assertRefused(OTHER_SEARCH, request("q", SearchSort.START, cursor));
    }

    @Test
    void aCursorOfAnotherFormatVersionIsRefused() {
        SearchRequest request = request("q", SearchSort.EVIDENCE, null);
        String cursor = Cursor.encode(KEY, "s0", "-evidence", request.fingerprint(), "1", Long.toString(ISSUED), "4",
                SLUG, "10");
        assertRefused(OTHER_SEARCH, request("q", SearchSort.EVIDENCE, cursor));
    }

    @Test
    void aCursorOfAnotherPageSizeOrOtherFacetsIsTheSameSearch() {
        String cursor = CursorCodec.encode(KEY, request("q", SearchSort.EVIDENCE, null), 1, hit(4L), 10, ISSUED);
        SearchRequest other = request("q", List.of(), SearchSort.EVIDENCE, List.of("country"), 50, cursor);
        assertEquals(10, CursorCodec.decode(KEY, other, NOW, LIFETIME).total());
    }

    @Test
    void aCursorIsValidForItsLifetime() {
        String cursor = CursorCodec.encode(KEY, request("q", SearchSort.EVIDENCE, null), 1, hit(4L), 10, ISSUED);
        Instant end = Instant.ofEpochSecond(ISSUED).plus(LIFETIME);
        assertEquals(10, CursorCodec.decode(KEY, request("q", SearchSort.EVIDENCE, cursor), end, LIFETIME).total());
    }

    @Test
    void anExpiredCursorIsRefused() {
        String cursor = CursorCodec.encode(KEY, request("q", SearchSort.EVIDENCE, null), 1, hit(4L), 10, ISSUED);
        Instant later = Instant.ofEpochSecond(ISSUED).plus(LIFETIME).plusMillis(1);
        ApiException e = assertThrows(ApiException.class,
                () -> CursorCodec.decode(KEY, request("q", SearchSort.EVIDENCE, cursor), later, LIFETIME));
        assertEquals(List.of(new FieldError("cursor", "has expired; start again from the first page")), e.errors());
    }

    @Test
    void aTamperedCursorIsRefused() {
        SearchRequest request = request("q", SearchSort.EVIDENCE, null);
        String cursor = CursorCodec.encode(KEY, request, 1, hit(4L), 10, ISSUED);
        String signature = cursor.substring(cursor.indexOf('.'));
        String forged = Cursor.encode(KEY, "s1", "-evidence", request.fingerprint(), "1", Long.toString(ISSUED), "5",
                SLUG, "10");
        String forgedPayload = forged.substring(0, forged.indexOf('.'));
        assertRefused(NOT_A_CURSOR, request("q", SearchSort.EVIDENCE, forgedPayload + signature));
        assertRefused(NOT_A_CURSOR, request("q", SearchSort.EVIDENCE, cursor.substring(1)));
        assertRefused(NOT_A_CURSOR, request("q", SearchSort.EVIDENCE, Cursor.encode(KEY, "s1", "-evidence")));
    }

    @Test
    void aCursorSignedWithAnotherKeyIsRefused() {
        byte[] otherKey = "an attacker's key".getBytes(StandardCharsets.UTF_8);
        String cursor = CursorCodec.encode(otherKey, request("q", SearchSort.EVIDENCE, null), 1, hit(4L), 10, ISSUED);
        assertRefused(NOT_A_CURSOR, request("q", SearchSort.EVIDENCE, cursor));
    }

    @Test
    void aSignedCursorWithUnreadablePartsIsRefused() {
        SearchRequest request = request("q", SearchSort.EVIDENCE, null);
        String fingerprint = request.fingerprint();
        String issued = Long.toString(ISSUED);
        for (List<String> parts : List.of(
                List.of("s1", "-evidence", fingerprint, "x", issued, "4", SLUG, "10"),
                List.of("s1", "-evidence", fingerprint, "1", "soon", "4", SLUG, "10"),
                List.of("s1", "-evidence", fingerprint, "1", issued, "four", SLUG, "10"),
                List.of("s1", "-evidence", fingerprint, "1", issued, "4", SLUG, "ten"))) {
            String cursor = Cursor.encode(KEY, parts.toArray(String[]::new));
            assertRefused(NOT_A_CURSOR, request("q", SearchSort.EVIDENCE, cursor));
        }
    }

    private static void assertRoundTrip(SearchSort sort, Object value) {
        String cursor = CursorCodec.encode(KEY, request("women", sort, null), 7, hit(value), 42, ISSUED);
        CursorCodec.PageStart start = CursorCodec.decode(KEY, request("women", sort, cursor), NOW, LIFETIME);
        assertEquals(7, start.snapshotVersion());
        assertEquals(42, start.total());
        assertEquals(value, start.after().fields[0], sort.parameter());
        assertEquals(new BytesRef(SLUG), start.after().fields[1]);
        assertEquals(Integer.MAX_VALUE, start.after().doc);
    }

    private static void assertRefused(FieldError error, SearchRequest request) {
        ApiException e = assertThrows(ApiException.class, () -> CursorCodec.decode(KEY, request, NOW, LIFETIME));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals(List.of(error), e.errors());
    }

    /** The last hit of a page: its sort value, then its slug. */
    private static FieldDoc hit(Object sortValue) {
        return new FieldDoc(12, 1f, new Object[] {sortValue, new BytesRef(SLUG)});
    }

    private static SearchRequest request(String q, SearchSort sort, String cursor) {
        return request(q, List.of(), sort, List.of(), 20, cursor);
    }

    /** A search for q in some countries, of published case studies on health with evidence of level 2 or more. */
    private static SearchRequest request(String q, List<String> countries, SearchSort sort, List<String> facets,
            int limit, String cursor) {
        return new SearchRequest(q, List.of(), countries, List.of(), List.of(), List.of(Theme.HEALTH), List.of(),
                List.of(), List.of(), List.of(), 2, null, null, null, Set.of(CaseStudyStatus.PUBLISHED), sort, facets, limit, cursor, GeoQuery.NONE);
    }
}
