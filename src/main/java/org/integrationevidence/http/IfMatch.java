package org.integrationevidence.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;

/**
 * The {@code If-Match} precondition of a write (RFC 9110): the versions the client read, so that a write based on
 * an older version fails with 412 instead of silently overwriting someone else's change. A write answers its version
 * in quotes as ETag; a GET answers the version, a dot and a hash of the representation read (see Validators): both
 * name the version here. Weak tags never match, as If-Match compares strongly.
 */
public record IfMatch(boolean any, Set<Long> versions) {

    public static final String HEADER = "If-Match";

    /** The ETag of a version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Parses the header; a missing one is 428 Precondition Required. */
    public static IfMatch required(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the version you read "
                    + "(GET the case study: its ETag header).");
        }
        return parse(header);
    }

    /** Parses the header when sent; null when not. */
    public static IfMatch optional(String header) {
        return header == null || header.isBlank() ? null : parse(header);
    }

    private static IfMatch parse(String header) {
        if (header.strip().equals("*")) {
            return new IfMatch(true, Set.of());
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (String tag : header.split(",")) {
            String trimmed = tag.strip();
            if (trimmed.isEmpty()) {
                continue; // an empty element of the list, which RFC 9110 (5.6.1.2) says to ignore
            }
            if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                String opaque = trimmed.substring(1, trimmed.length() - 1);
                // A GET's tag adds a hash of the representation after a dot; only the version counts for a write.
                int dot = opaque.indexOf('.');
                try {
                    versions.add(Long.parseLong(dot < 0 ? opaque : opaque.substring(0, dot)));
                    continue;
                } catch (NumberFormatException e) {
                    // not one of our tags: it can match nothing
                }
            } else if (!trimmed.startsWith("W/\"")) {
                throw new ApiException(ProblemType.BAD_REQUEST, "If-Match must be * or a list of quoted ETags, such as \"3\".",
                        List.of(new FieldError(HEADER, "must be * or quoted ETags")));
            }
        }
        return new IfMatch(false, versions);
    }

    /** Throws 412, naming the current version, unless the client read the current version. */
    public void check(long currentVersion, String what) {
        if (!any && !versions.contains(currentVersion)) {
            throw new ApiException(ProblemType.PRECONDITION_FAILED, what + " has changed: its current version is "
                    + currentVersion + " (ETag " + etag(currentVersion) + "). Read it again and reapply your change.",
                    List.of(new FieldError(HEADER, "current ETag is " + etag(currentVersion))));
        }
    }
}
