package org.integrationevidence.oai;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.integrationevidence.http.Cursor;
import org.integrationevidence.problem.ApiException;

/**
 * Where a list stands: the list's request (verb, format, set, from, until), the feed position it is listed as of, the
 * position of its last record served, how many were served, its size, and when the token was issued. Opaque and
 * signed ({@link Cursor}): an altered token, or one of another database, is refused as badResumptionToken.
 */
record ResumptionToken(Verb verb, String metadataPrefix, String set, Instant from, Instant until, long upTo, long after,
        long cursor, long completeListSize, Instant issuedAt) {

    /** Bound into every token, so that a token of a later format is refused rather than misread. */
    static final String SCOPE = "oai-v1";
    private static final int PARTS = 11;

    String encode(byte[] key) {
        return Cursor.encode(key, SCOPE, verb.name(), metadataPrefix, set == null ? "" : set, epoch(from), epoch(until),
                Long.toString(upTo), Long.toString(after), Long.toString(cursor), Long.toString(completeListSize),
                Long.toString(issuedAt.getEpochSecond()));
    }

    Instant expiresAt(Duration lifetime) {
        return issuedAt.plus(lifetime);
    }

    /** The token's list, or badResumptionToken when it was altered, is of another verb, or has expired. */
    static ResumptionToken decode(byte[] key, String token, Verb verb, Instant now, Duration lifetime) {
        List<String> parts;
        try {
            parts = Cursor.decode(key, token, PARTS);
        } catch (ApiException e) {
            throw bad("The resumptionToken is not one this repository issued; start the list again without it.");
        }
        if (!parts.get(0).equals(SCOPE) || !parts.get(1).equals(verb.name())) {
            throw bad("The resumptionToken belongs to another verb's list; send it with the verb it came with.");
        }
        try {
            ResumptionToken decoded = new ResumptionToken(verb, parts.get(2), parts.get(3).isEmpty() ? null : parts.get(3),
                    instant(parts.get(4)), instant(parts.get(5)), Long.parseLong(parts.get(6)), Long.parseLong(parts.get(7)),
                    Long.parseLong(parts.get(8)), Long.parseLong(parts.get(9)),
                    Instant.ofEpochSecond(Long.parseLong(parts.get(10))));
            if (decoded.expiresAt(lifetime).isBefore(now)) {
                throw bad("The resumptionToken has expired; start the list again without it.");
            }
            return decoded;
        } catch (NumberFormatException e) {
            throw bad("The resumptionToken is not one this repository issued; start the list again without it.");
        }
    }

    private static OaiException bad(String message) {
        return new OaiException(OaiError.Code.badResumptionToken, message);
    }

    private static String epoch(Instant instant) {
        return instant == null ? "" : Long.toString(instant.getEpochSecond());
    }

    private static Instant instant(String epoch) {
        return epoch.isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(epoch));
    }
}
