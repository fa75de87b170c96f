package org.integrationevidence.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.integrationevidence.http.Validators.Validator;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

class ValidatorsUnitTest {

    private static final Instant CHANGED = Instant.parse("2026-11-01T10:00:00Z");
    private static final String CHANGED_DATE = "Sun, 01 Nov 2026 10:00:00 GMT";
    private static final Validator CURRENT = new Validator("\"3.abc\"", CHANGED);
    private static final UriInfo CASE_STUDY = uri("http://localhost:8080/", "/api/v1/case-studies/bradford");

    @Test
    void aTagIsAQuotedHashAfterItsPrefix() {
        String tag = Validators.of(headers(), CASE_STUDY.getBaseUri(), CASE_STUDY, "3", "state", CHANGED).etag();
        assertTrue(tag.matches("\"3\\.[A-Za-z0-9_-]{22}\""), tag);
        String unprefixed = Validators.of(headers(), CASE_STUDY.getBaseUri(), CASE_STUDY, null, "state", CHANGED).etag();
        assertTrue(unprefixed.matches("\"[A-Za-z0-9_-]{22}\""), unprefixed);
        assertEquals(tag, "\"3." + unprefixed.substring(1));
        assertEquals(CHANGED, Validators.of(headers(), CASE_STUDY.getBaseUri(), CASE_STUDY, "3", "state", CHANGED).lastModified());
    }

    @Test
    void theSameRequestAndStateGiveTheSameTag() {
        UriInfo same = uri("http://localhost:8080/", "/api/v1/case-studies/bradford");
        assertEquals(Validators.of(headers("Accept", "application/json"), CASE_STUDY.getBaseUri(), CASE_STUDY, null, "v1", null),
                Validators.of(headers("accept", "application/json"), same.getBaseUri(), same, null, "v1", null));
    }

    @Test
    void theTagChangesWithEverythingTheBodyDependsOn() {
        String tag = tag(headers(), CASE_STUDY, "v1");
        List<String> others = List.of(
                tag(headers(), CASE_STUDY, "v2"),
                tag(headers(), uri("https://evidence.example.org/", "/api/v1/case-studies/bradford"), "v1"),
                tag(headers(), uri("http://localhost:8080/", "/api/v1/case-studies/leeds"), "v1"),
                tag(headers(), uri("http://localhost:8080/", "/api/v1/case-studies/bradford", "fields", "title"), "v1"),
                tag(headers("Accept", "text/csv"), CASE_STUDY, "v1"),
                tag(headers("Accept-Encoding", "gzip"), CASE_STUDY, "v1"),
                tag(headers("Authorization", "Bearer key-one"), CASE_STUDY, "v1"));
        for (String other : others) {
            assertNotEquals(tag, other);
        }
        assertEquals(others.size(), others.stream().distinct().count());
        assertNotEquals(tag(headers("Authorization", "Bearer key-one"), CASE_STUDY, "v1"),
                tag(headers("Authorization", "Bearer key-two"), CASE_STUDY, "v1"));
    }

    @Test
    void theTagIgnoresWhatTheBodyDoesNotDependOn() {
        UriInfo ab = uri("http://localhost:8080/", "/api/v1/case-studies", "country", "GB", "theme", "health");
        UriInfo ba = uri("http://localhost:8080/", "/api/v1/case-studies", "theme", "health", "country", "GB");
        HttpHeaders others = headers("User-Agent", "curl/8", "If-None-Match", "\"x\"");
        assertEquals(tag(headers(), ab, "v1"), tag(others, ba, "v1"));
    }

    @Test
    void behindAConfiguredPublicAddressTheTagIsTheSameOnEveryPort() {
        // Two instances (or a service and its restored copy) behind one public address build the same absolute URLs,
        // so that the same data gives them the same tags whatever address each request reached.
        URI configured = URI.create("https://evidence.example.org/");
        UriInfo first = uri("http://localhost:19301/", "/api/v1/case-studies/bradford");
        UriInfo second = uri("http://localhost:19302/", "/api/v1/case-studies/bradford");
        assertEquals(Validators.of(headers(), configured, first, "3", "v1", null),
                Validators.of(headers(), configured, second, "3", "v1", null));
        assertNotEquals(Validators.of(headers(), configured, first, "3", "v1", null),
                Validators.of(headers(), first.getBaseUri(), first, "3", "v1", null));
    }

    @Test
    void theTagNeverShowsTheKey() {
        String tag = tag(headers("Authorization", "Bearer secret-key"), CASE_STUDY, "v1");
        assertFalse(tag.contains("secret"), tag);
    }

    @Test
    void aValidatorKeepsItsTimeInWholeSeconds() {
        assertEquals(CHANGED, new Validator("\"x\"", CHANGED.plusMillis(999)).lastModified());
        assertNull(new Validator("\"x\"", null).lastModified());
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIsNotModified() {
        assertTrue(Validators.notModified(headers("If-None-Match", "\"3.abc\""), CURRENT));
        assertFalse(Validators.notModified(headers("If-None-Match", "\"3.abd\""), CURRENT));
        assertFalse(Validators.notModified(headers("If-None-Match", "\"3\""), CURRENT));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertTrue(Validators.notModified(headers("If-None-Match", "W/\"3.abc\""), CURRENT));
    }

    @Test
    void ifNoneMatchMatchesAnyTagOfItsListsOrAStar() {
        assertTrue(Validators.notModified(headers("If-None-Match", "\"1.x\", \"3.abc\""), CURRENT));
        assertTrue(Validators.notModified(headers("If-None-Match", "\"1.x\"", "If-None-Match", "\"3.abc\""), CURRENT));
        assertTrue(Validators.notModified(headers("If-None-Match", "*"), CURRENT));
        assertTrue(Validators.notModified(headers("If-None-Match", "\"a,b\""), new Validator("\"a,b\"", null)));
        assertFalse(Validators.notModified(headers("If-None-Match", "\"a,b\""), new Validator("\"a\"", null)));
    }

    @Test
    void ifNoneMatchDecidesAloneWhenSent() {
        assertFalse(Validators.notModified(headers("If-None-Match", "\"other\"", "If-Modified-Since", CHANGED_DATE),
                CURRENT));
        assertTrue(Validators.notModified(headers("If-None-Match", "\"3.abc\"",
                "If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"), CURRENT));
    }

    @Test
    void ifModifiedSinceTheLastChangeOrLaterIsNotModified() {
        assertTrue(Validators.notModified(headers("If-Modified-Since", CHANGED_DATE), CURRENT));
        assertTrue(Validators.notModified(headers("If-Modified-Since", "Sun, 01 Nov 2026 10:00:01 GMT"), CURRENT));
        assertFalse(Validators.notModified(headers("If-Modified-Since", "Sun, 01 Nov 2026 09:59:59 GMT"), CURRENT));
    }

    @Test
    void ourOwnLastModifiedDateMatchesAlthoughTheChangeHadMilliseconds() {
        Validator current = new Validator("\"x\"", CHANGED.plusMillis(400));
        assertTrue(Validators.notModified(headers("If-Modified-Since", CHANGED_DATE), current));
    }

    @Test
    void anUnreadableOrUnusableIfModifiedSinceIsIgnored() {
        assertFalse(Validators.notModified(headers("If-Modified-Since", "yesterday"), CURRENT));
        assertFalse(Validators.notModified(headers("If-Modified-Since", "2026-11-01T10:00:00Z"), CURRENT));
        assertFalse(Validators.notModified(headers("If-Modified-Since", CHANGED_DATE), new Validator("\"x\"", null)));
        assertFalse(Validators.notModified(headers(), CURRENT));
    }

    @Test
    void entityTagsSplitAtCommasOutsideQuotes() {
        assertEquals(List.of("\"a\"", "W/\"b\"", "\"c,d\"", "*"),
                Validators.entityTags(" \"a\", W/\"b\" ,\"c,d\",, *"));
        assertEquals(List.of(), Validators.entityTags(" , "));
    }

    @Test
    void aCurrentCopyIsAnswered304WithoutBuildingTheBody() {
        AtomicInteger built = new AtomicInteger();
        RestResponse<String> response = Validators.conditional(headers("If-None-Match", "\"3.abc\""), () -> CURRENT,
                () -> "body " + built.incrementAndGet(), (body, builder) -> builder.header("Link", "next"));
        assertEquals(304, response.getStatus());
        assertFalse(response.hasEntity());
        assertEquals("\"3.abc\"", response.getHeaderString("ETag"));
        assertEquals(Date.from(CHANGED), response.getLastModified());
        assertNull(response.getHeaderString("Link"));
        assertEquals(0, built.get());
    }

    @Test
    void anOtherCopyIsAnswered200WithTheBodyAndItsValidators() {
        RestResponse<String> response = Validators.conditional(headers("If-None-Match", "\"2.old\""), () -> CURRENT,
                () -> "body", (body, builder) -> builder.header("Link", "<next> for " + body));
        assertEquals(200, response.getStatus());
        assertEquals("body", response.getEntity());
        assertEquals("\"3.abc\"", response.getHeaderString("ETag"));
        assertEquals(Date.from(CHANGED), response.getLastModified());
        assertEquals("<next> for body", response.getHeaderString("Link"));
    }

    @Test
    void theBodyIsSentWithTheValidatorOfTheDataItWasBuiltFrom() {
        Validator before = new Validator("\"before\"", CHANGED);
        Validator after = new Validator("\"after\"", CHANGED.plusSeconds(5));
        RestResponse<String> response = Validators.conditional(headers(), sequence(before, after), () -> "body");
        assertEquals(200, response.getStatus());
        assertEquals("\"after\"", response.getHeaderString("ETag"));
        assertEquals(Date.from(CHANGED.plusSeconds(5)), response.getLastModified());
    }

    @Test
    void aClientHoldingTheTagOfTheDataReadIsAnswered304() {
        Validator before = new Validator("\"before\"", CHANGED);
        Validator after = new Validator("\"after\"", CHANGED.plusSeconds(5));
        RestResponse<String> response = Validators.conditional(headers("If-None-Match", "\"after\""),
                sequence(before, after), () -> "body");
        assertEquals(304, response.getStatus());
        assertFalse(response.hasEntity());
        assertEquals("\"after\"", response.getHeaderString("ETag"));
    }

    @Test
    void aFixedValidatorDecidesTheSameWay() {
        assertEquals(304, Validators.conditional(headers("If-Modified-Since", CHANGED_DATE), CURRENT, () -> "body")
                .getStatus());
        RestResponse<String> response = Validators.conditional(headers(), new Validator("\"x\"", null), () -> "body");
        assertEquals(200, response.getStatus());
        assertEquals("\"x\"", response.getHeaderString("ETag"));
        assertNull(response.getLastModified());
    }

    @Test
    void contentOfTheReleaseChangedWhenTheServerStarted() {
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime())
                .truncatedTo(ChronoUnit.SECONDS);
        Validator release = Validators.ofRelease(headers(), CASE_STUDY.getBaseUri(), CASE_STUDY, List.of("a", "b"));
        assertEquals(started, release.lastModified());
        assertEquals(release, Validators.ofRelease(headers(), CASE_STUDY.getBaseUri(), CASE_STUDY, List.of("a", "b")));
        assertNotEquals(release.etag(), Validators.ofRelease(headers(), CASE_STUDY.getBaseUri(), CASE_STUDY, List.of("a", "c")).etag());
        assertTrue(release.etag().matches("\"[A-Za-z0-9_-]{22}\""), release.etag());
    }

    @Test
    void latestIsTheLaterOfTwoTimesEitherOfWhichMayBeMissing() {
        Instant later = CHANGED.plusSeconds(1);
        assertEquals(later, Validators.latest(CHANGED, later));
        assertEquals(later, Validators.latest(later, CHANGED));
        assertEquals(CHANGED, Validators.latest(CHANGED, null));
        assertEquals(CHANGED, Validators.latest(null, CHANGED));
        assertNull(Validators.latest(null, null));
    }

    @Test
    void aStateJoinsItsParts() {
        assertEquals("7|snapshot|null|", Validators.state(7, "snapshot", null));
        assertEquals("", Validators.state());
    }

    private static String tag(HttpHeaders headers, UriInfo uri, String state) {
        return Validators.of(headers, uri.getBaseUri(), uri, null, state, null).etag();
    }

    private static Supplier<Validator> sequence(Validator... validators) {
        Iterator<Validator> next = List.of(validators).iterator();
        return next::next;
    }

    /** Request headers as name, value pairs; a name given twice is a header sent twice. */
    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestHeader" -> headers.get((String) args[0]);
                    case "getHeaderString" -> headers.containsKey((String) args[0])
                            ? String.join(",", headers.get((String) args[0])) : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A request's address: its base, its path and query parameters as name, value pairs. */
    private static UriInfo uri(String base, String path, String... query) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            parameters.add(query[i], query[i + 1]);
        }
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
                new Class<?>[] {UriInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBaseUri" -> URI.create(base);
                    case "getPath" -> path;
                    case "getQueryParameters" -> parameters;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
