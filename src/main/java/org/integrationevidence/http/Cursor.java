package org.integrationevidence.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.integrationevidence.problem.ApiException;

/**
 * Opaque paging cursors: the position after the last item of a page, base64url-encoded and signed with a key
 * shared by every instance, so that a tampered cursor is refused rather than trusted. Clients must not build or
 * parse them. Parts must not contain {@code |}.
 */
public final class Cursor {

    private static final String SEPARATOR = "|";
    private static final String ALGORITHM = "HmacSHA256";
    /** 128 bits of the MAC are kept: plenty against forgery, and the cursor stays short. */
    private static final int SIGNATURE_BYTES = 16;
    /**
     * The longest cursor accepted; longer ones are refused before they are decoded. The longest issued is a search's
     * sorted by title, about 1,700 characters: eight short parts, a slug of at most 80 characters and the folded title
     * (at most 200 characters, at most 4 bytes each), base64url-encoded, then the signature.
     */
    public static final int MAX_LENGTH = 2048;

    private Cursor() {
    }

    public static String encode(byte[] key, String... parts) {
        byte[] payload = String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(sign(key, payload));
    }

    /** Decodes a cursor into exactly {@code expectedParts} parts, or fails with a 400 naming the parameter. */
    public static List<String> decode(byte[] key, String cursor, int expectedParts) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            int dot = cursor.indexOf('.');
            if (dot > 0) {
                byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
                byte[] signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
                if (MessageDigest.isEqual(signature, sign(key, payload))) {
                    List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8).split("\\" + SEPARATOR, -1));
                    if (parts.size() == expectedParts) {
                        return parts;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error below
        }
        throw invalid();
    }

    /**
     * A cursor for keyset paging by a number (an id, a revision number): the last position served, bound to a scope
     * (a format version, the resource paged) so that a cursor of one list is refused by another.
     */
    public static String position(byte[] key, String scope, long lastPosition) {
        return encode(key, scope, Long.toString(lastPosition));
    }

    /** The last position a {@link #position} cursor of this scope carries, or a 400 naming the parameter. */
    public static long positionIn(byte[] key, String cursor, String scope) {
        List<String> parts = decode(key, cursor, 2);
        if (!parts.get(0).equals(scope)) {
            throw invalid();
        }
        try {
            return Long.parseLong(parts.get(1));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static ApiException invalid() {
        return ApiException.invalid("cursor", "is not a cursor returned by this API for this request; start again without it");
    }

    private static byte[] sign(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
