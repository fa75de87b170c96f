package org.integrationevidence.http;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.integrationevidence.openapi.SchemaBounds;

/** The one list envelope of the API: a page of items, the total that match, and the cursor of the next page. */
public record Page<T>(
        @Schema(description = "The items of this page.")
        List<T> items,
        @Schema(description = "How many items match the request in all pages.", examples = "17", minimum = "0",
                maximum = SchemaBounds.MAX_LONG)
        long total,
        @Schema(description = "Opaque cursor of the next page, to pass as `cursor`; null on the last page.", nullable = true,
                examples = "MjAyNi0xMS0yM1QxMzowMDowMFp8MTI", maxLength = Cursor.MAX_LENGTH)
        String next) {

    /** A list that is served whole, on one page: its total is its size and there is no next page. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, items.size(), null);
    }
}
