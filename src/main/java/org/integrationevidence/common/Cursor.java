package org.integrationevidence.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors. A cursor is the sort key of the last item of a page, base64url-encoded, so that the next
 * page starts exactly after it however many items are added meanwhile. Clients must not build or parse them.
 */
public final class Cursor {

    private static final String SEPARATOR = "|";

    private Cursor() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor into exactly {@code expectedParts} parts, or fails with a 400 naming the parameter. */
    public static List<String> decode(String cursor, int expectedParts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split("\\" + SEPARATOR, -1));
            if (parts.size() == expectedParts) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error below
        }
        throw invalid();
    }

    public static ApiException invalid() {
        return ApiException.invalid("cursor", "is not a cursor returned by this API; start again without it");
    }
}
