package org.integrationevidence.openapi;

/**
 * Bounds the OpenAPI document states for values that no declaration of their own limits: the largest numbers of
 * the Java types they are parsed into, and the longest values the HTTP server lets through. Constants, so that an
 * annotation can use them; {@code web.OpenApiConventions} applies the same bounds where no annotation can.
 */
public final class SchemaBounds {

    /** The largest long and int, as schema bounds: for counts, ids and versions that nothing else limits. */
    public static final String MAX_LONG = "9223372036854775807";
    public static final String MAX_INT = "2147483647";
    /**
     * The longest header section the HTTP server accepts (quarkus.http.limits.max-header-size), so the longest any one
     * header value can be: longer requests are refused with 431.
     */
    public static final int MAX_HEADER_SIZE = 16 * 1024;
    /** The longest request line the HTTP server accepts (quarkus.http.limits.max-initial-line-length); 414 beyond. */
    public static final int MAX_REQUEST_LINE = 64 * 1024;
    /** {@code +1000000000-12-31T23:59:59.999999999+18:00:00}. */
    public static final int MAX_INSTANT_LENGTH = 45;
    /** {@code +1000000000-12-31}. */
    public static final int MAX_DATE_LENGTH = 17;

    private SchemaBounds() {
    }
}
