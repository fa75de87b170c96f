package org.integrationevidence.http;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * Strong validators of public reads (RFC 9110, section 8.8) and the conditional GET that uses them. A validator is
 * computed from something cheap that changes whenever the data behind the answer does (a version, a snapshot of the
 * search index), never from the body, so that a client holding the current one gets a 304 before the body is built.
 * Its tag also covers everything else the body depends on: every query parameter (filters, cursor, {@code fields})
 * and the representation asked for ({@code Accept}, and {@code Accept-Encoding}, since a compressed body is another
 * representation), and the key sent, since a key may see drafts: the same headers as {@code Vary} names, so that
 * different bodies never share a tag. The key only goes into the hash, which does not give it away.
 */
public final class Validators {

    /** The tag and time of one representation; {@code etag} is quoted, as sent. */
    public record Validator(String etag, Instant lastModified) {

        /** Dates on the wire have whole seconds: compared as sent, so that an If-Modified-Since of our own date matches. */
        public Validator {
            lastModified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** Bytes of the SHA-256 kept in a tag: 128 bits, short and collision-free in practice. */
    private static final int TAG_BYTES = 16;

    private static final Instant STARTED = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    private Validators() {
    }

    /**
     * The validator of the answer to this request, built from {@code state}: what the data behind the answer is at
     * (a version, a snapshot id); {@code prefix}, when not null, starts the tag (a case study's version, so that its
     * tag still names the version for If-Match). {@code base} is the address the answer's absolute URLs are built on
     * (see PublicUrls): the configured public address, the same for every instance and port behind it, or else the
     * request's own.
     */
    public static Validator of(HttpHeaders headers, URI base, UriInfo uri, String prefix, String state,
            Instant lastModified) {
        StringBuilder material = new StringBuilder(state).append('\n').append(base).append(uri.getPath())
                .append('\n');
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        new TreeMap<>(query).forEach((name, values) -> material.append(name).append('=').append(values).append('&'));
        material.append('\n').append(headerValue(headers, HttpHeaders.ACCEPT))
                .append('\n').append(headerValue(headers, HttpHeaders.ACCEPT_ENCODING))
                .append('\n').append(headerValue(headers, HttpHeaders.AUTHORIZATION));
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(material.toString()));
        return new Validator("\"" + (prefix == null ? "" : prefix + ".") + hash + "\"", lastModified);
    }

    /**
     * Answers 304 with the validators and no body when the client holds the current representation, else 200 with
     * the body and its validators. {@code validator} is asked before the body is built, to decide without building it,
     * and again after, so that the tag sent with a body is the one of the data that body was built from even if the
     * data changed in between (a search records the snapshot it read); a client that holds that tag gets a 304 too.
     */
    public static <T> RestResponse<T> conditional(HttpHeaders headers, Supplier<Validator> validator, Supplier<T> body) {
        return conditional(headers, validator, body, (entity, response) -> {
        });
    }

    /** The same, letting {@code decorate} add headers that depend on the body (a {@code Link} to the next page). */
    public static <T> RestResponse<T> conditional(HttpHeaders headers, Supplier<Validator> validator, Supplier<T> body,
            BiConsumer<T, RestResponse.ResponseBuilder<T>> decorate) {
        Validator current = validator.get();
        if (notModified(headers, current)) {
            return notModified(current);
        }
        T entity = body.get();
        Validator used = validator.get();
        // The body may stand on other data than the validator asked first: a search reads the index snapshot current
        // when it runs, and tags what it left out of it. Its own validator decides too, so that a client holding
        // exactly this representation is never sent it again.
        if (notModified(headers, used)) {
            return notModified(used);
        }
        RestResponse.ResponseBuilder<T> response = RestResponse.ResponseBuilder.ok(entity)
                .header(HttpHeaders.ETAG, used.etag()).lastModified(date(used));
        decorate.accept(entity, response);
        return response.build();
    }

    private static <T> RestResponse<T> notModified(Validator validator) {
        return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED)
                .header(HttpHeaders.ETAG, validator.etag()).lastModified(date(validator)).build();
    }

    /** The same, for an answer whose validator does not change while it is built. */
    public static <T> RestResponse<T> conditional(HttpHeaders headers, Validator validator, Supplier<T> body) {
        return conditional(headers, () -> validator, body);
    }

    /**
     * Whether the client's copy is current: If-None-Match when sent (weak comparison, a list of tags or {@code *}),
     * else If-Modified-Since (an unreadable date is ignored, as RFC 9110 says).
     */
    public static boolean notModified(HttpHeaders headers, Validator validator) {
        List<String> noneMatch = headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null && !noneMatch.isEmpty()) {
            String ours = opaque(validator.etag());
            for (String header : noneMatch) {
                for (String tag : entityTags(header)) {
                    if (tag.equals("*") || opaque(tag).equals(ours)) {
                        return true;
                    }
                }
            }
            return false;
        }
        String since = headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (since == null || validator.lastModified() == null) {
            return false;
        }
        try {
            Instant clientCopy = ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !validator.lastModified().isAfter(clientCopy);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The tags of an If-None-Match header: quoted strings may hold commas, so it is scanned rather than split. */
    static List<String> entityTags(String header) {
        List<String> tags = new ArrayList<>();
        StringBuilder tag = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                addTag(tags, tag);
            } else {
                tag.append(c);
            }
        }
        addTag(tags, tag);
        return tags;
    }

    private static void addTag(List<String> tags, StringBuilder tag) {
        String stripped = tag.toString().strip();
        if (!stripped.isEmpty()) {
            tags.add(stripped);
        }
        tag.setLength(0);
    }

    /** Weak comparison: {@code W/"x"} and {@code "x"} match. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static Date date(Validator validator) {
        return validator.lastModified() == null ? null : Date.from(validator.lastModified());
    }

    private static String headerValue(HttpHeaders headers, String name) {
        List<String> values = headers.getRequestHeader(name);
        return values == null ? "" : String.join(",", values);
    }

    private static byte[] sha256(String material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, TAG_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The validator of content fixed in the release (a reference list): its tag hashes the content, and it counts as
     * changed when this server started, the only time it can change.
     */
    public static Validator ofRelease(HttpHeaders headers, URI base, UriInfo uri, Object content) {
        return of(headers, base, uri, null, String.valueOf(content), STARTED);
    }

    /** The later of two times, either of which may be null. */
    public static Instant latest(Instant first, Instant second) {
        if (first == null) {
            return second;
        }
        return second == null || first.isAfter(second) ? first : second;
    }

    /** The parts a state is made of, joined. */
    public static String state(Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            joined.append(part).append('|');
        }
        return joined.toString();
    }
}
