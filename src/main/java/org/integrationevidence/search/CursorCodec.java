package org.integrationevidence.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.problem.ApiException;

/**
 * The {@code next} cursor of a page of search results: which search it belongs to (its sort and a fingerprint of its
 * text and filters), the index snapshot it was searched in, when it was issued, the sort position of the page's last
 * hit (its sort value and slug) and the total of the first page. Signed ({@link Cursor}), so that a client can
 * neither forge nor alter one.
 */
final class CursorCodec {

    static final String VERSION = "s1";
    /** Names the secret that signs search cursors. */
    static final String KEY = "cursor-key";
    private static final int PARTS = 8;

    /** Where the next page starts: after this sort position, preferably in the same index snapshot. */
    record PageStart(long snapshotVersion, FieldDoc after, long total) {
    }

    private CursorCodec() {
    }

    static String encode(byte[] key, SearchRequest request, long snapshotVersion, FieldDoc last, long total, long issuedAt) {
        Object value = last.fields[0];
        String encodedValue;
        if (value instanceof BytesRef bytes) {
            encodedValue = Base64.getUrlEncoder().withoutPadding().encodeToString(BytesRef.deepCopyOf(bytes).bytes);
        } else if (value instanceof Float || value instanceof Long || value instanceof Double) {
            encodedValue = value.toString();
        } else {
            throw new IllegalStateException("Unexpected sort value " + value);
        }
        String slug = ((BytesRef) last.fields[1]).utf8ToString();
        return Cursor.encode(key, VERSION, request.sort().parameter(), request.fingerprint(), Long.toString(snapshotVersion),
                Long.toString(issuedAt), encodedValue, slug, Long.toString(total));
    }

    /** Where the page the request's cursor asks for starts; 400 for a cursor of another search, or an expired one. */
    static PageStart decode(byte[] key, SearchRequest request, Instant now, Duration lifetime) {
        List<String> parts = Cursor.decode(key, request.cursor(), PARTS);
        if (!parts.get(0).equals(VERSION) || !parts.get(1).equals(request.sort().parameter())
                || !parts.get(2).equals(request.fingerprint())) {
            throw ApiException.invalid("cursor", "belongs to a different search; send it with the same q, filters and sort "
                    + "as the page it came from, or start again without it");
        }
        try {
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts.get(4)));
            if (issued.plus(lifetime).isBefore(now)) {
                throw ApiException.invalid("cursor", "has expired; start again from the first page");
            }
            Object value = switch (request.sort()) {
                case RELEVANCE, SIMILAR_PLACE -> Float.parseFloat(parts.get(5));
                case DISTANCE -> Double.parseDouble(parts.get(5));
                case TITLE -> new BytesRef(Base64.getUrlDecoder().decode(parts.get(5)));
                default -> Long.parseLong(parts.get(5));
            };
            FieldDoc after = new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {value, new BytesRef(parts.get(6))});
            return new PageStart(Long.parseLong(parts.get(3)), after, Long.parseLong(parts.get(7)));
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }
}
