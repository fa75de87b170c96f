package org.integrationevidence.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the whole truth about the API: every route the service answers is in it, every operation
 * in it is answered, every status it documents for an operation is one the service really returns (a real request
 * below produces it), no request gets a status its operation does not document, and every response body has a
 * documented media type and matches the document's schema for it.
 */
@QuarkusTest
@ActingAs(Role.ANONYMOUS) // each scenario says which key it sends
class ContractTest {

    /**
     * Routes the service answers that the API document rightly leaves out, each with its reason. Anything else the
     * service answers must be documented, except HEAD and OPTIONS, which HTTP defines on every resource (a GET
     * without its body; the methods allowed) and which the service answers so on every path.
     */
    private static final Map<String, String> UNDOCUMENTED_ROUTES = Map.of(
            "GET /q/openapi", "Quarkus serves the document itself here (OpenApiDocumentTest checks it); it does not describe itself",
            "GET /q/swagger-ui", "Quarkus' Swagger UI, a page for people that renders the document",
            "GET /embed/case-studies.js", "the embed widget's JavaScript (EmbedScript), a file third-party pages load "
                    + "with a script tag, not an operation that answers data: an API explorer has no use for it in the "
                    + "document, and EmbedScriptTest checks its answers (type, caching, 304)",
            "GET /q/metrics", "Quarkus' Prometheus metrics, for monitoring keys (MetricsAccess guards them): operators' "
                    + "figures in Prometheus' own format, described in the operations guide, not data of the API; "
                    + "OperationsTest checks their access and content");

    /** Any status, on any operation, that no request in a test can honestly produce. */
    private static final Map<Integer, String> UNTRIGGERABLE_EVERYWHERE = Map.of(
            500, "a server fault: a request that causes one is a bug to fix, not a scenario (ProblemMappers answers any "
                    + "with the fixed problem document the document describes)",
            429, "rate limits are set out of reach in the test profile and for the packaged jar under test, so that the "
                    + "suites can run; RateLimitTest and RateLimitIT produce 429 with small limits of their own");

    private static final String SEARCH_UNAVAILABLE = "the search index not open yet (the first seconds of a start) or "
            + "every search turn busy for the whole queue timeout; neither can be arranged by a request";

    /**
     * Documented (operation, status) pairs that no scenario below can produce, each with its reason. Keep it minimal:
     * a pair listed here that has a scenario, or that the document no longer has, fails the test.
     */
    private static final Map<String, String> UNTRIGGERABLE = pairs(
            "GET /api/v1/case-studies 503", SEARCH_UNAVAILABLE,
            "GET /api/v1/case-studies/export 503", SEARCH_UNAVAILABLE,
            "GET /api/v1/case-studies/{slug}/related 503", SEARCH_UNAVAILABLE,
            "GET /api/v1/suggest 503", SEARCH_UNAVAILABLE,
            "GET /api/v1/evidence-map 503", SEARCH_UNAVAILABLE,
            "GET /api/v1/feeds/case-studies.atom 503", SEARCH_UNAVAILABLE,
            "GET /api/v1/feeds/searches/{id}.atom 503", SEARCH_UNAVAILABLE,
            "POST /api/v1/feeds/searches 409", "as many saved searches as evidence.feeds.max-saved-searches allows "
                    + "(100000); SavedSearchSettingsTest produces it with a limit of its own",
            "POST /api/v1/imports 503", "an import that takes longer than its transaction timeout (3 minutes); "
                    + "ImportTimeoutTest produces it with a timeout of its own",
            "POST /api/v1/imports 409", "a slug taken by another request between the import's check of its rows (a "
                    + "slug already taken then is a 422 row error) and its write: a race no single request can arrange",
            TestData.onPostgresql() ? "GET /api/v1/database-backup 200" : "GET /api/v1/database-backup 409",
            TestData.onPostgresql()
                    ? "a backup of the embedded H2 database, which the service takes itself; this run is on PostgreSQL, "
                            + "which is backed up with pg_dump (the 409 scenario)"
                    : "a service on PostgreSQL, which is backed up with pg_dump: this run is on the embedded H2 "
                            + "database, whose backup this operation takes (the -Ppostgresql run has the scenario)",
            "DELETE /api/v1/keys/{id} 409", "revoking the last usable admin key: every test shares the admin key the "
                    + "service wrote at its first start, so no test may leave it the only one and try to revoke it");

    private static final String IMAGE = "image/png"; // a type no operation serves: 406
    private static final String JSON_LD = "application/ld+json";
    private static final String CSV = "text/csv";
    private static final String GEO_JSON = "application/geo+json";
    private static final String CSL_JSON = "application/vnd.citationstyles.csl+json";
    private static final String BIBTEX = "application/x-bibtex";
    private static final String RIS = "application/x-research-info-systems";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String TOO_LARGE = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}"; // over the 1 MB limit
    private static final String NO_SUCH = "no-such-thing-" + TestData.unique("x");
    private static final String UNKNOWN_KEY = "iek_" + "x".repeat(43); // of the form the service hands out; no one holds it

    /**
     * THE SCENARIO TABLE: for every documented operation, one request per documented status that produces it.
     * An operation added to the document (or a status added to one) fails
     * {@link #everyDocumentedStatusHasAScenarioOrAReasonToHaveNone} until it has a line here, and a success
     * documented in several media types needs a line that gets each (by Accept or a query parameter).
     * A line is {@code on("METHOD /documented/{path}", status, f -> request)}, the request being {@code as(key)}
     * then, as needed, {@code .at(concrete path)} (default: the documented path, for paths without parameters),
     * {@code .json(body)}, {@code .body(contentType, text)}, {@code .header(name, value)}, {@code .accept(type)},
     * {@code .anyVersion()} (If-Match: *), {@code .revalidated()} (If-None-Match with the ETag a first GET of the same
     * URL got: a 304 checked at once, since any write may change a tag). {@code f} holds the fixtures, made once per run: reuse them where a
     * request only reads or fails, and make a new one ({@code f.newCaseStudy()}, {@code f.newApproach()}) where it
     * changes it.
     */
    static List<Scenario> scenarios() {
        return List.of(
                // Approach taxonomy
                on("GET /api/v1/approaches", 200, f -> as(Key.NONE)),
                on("GET /api/v1/approaches", 200, f -> as(Key.NONE).accept(JSON_LD)),
                on("GET /api/v1/approaches", 200, f -> as(Key.NONE).accept(CSV)),
                on("GET /api/v1/approaches", 304, f -> as(Key.NONE).revalidated()),
                on("GET /api/v1/approaches", 406, f -> as(Key.NONE).accept(IMAGE)),
                on("POST /api/v1/approaches", 201, f -> as(Key.EDITOR).json(approach(TestData.unique("approach")))),
                on("POST /api/v1/approaches", 400, f -> as(Key.EDITOR).json(Map.of("slug", "Not A Slug"))),
                on("POST /api/v1/approaches", 409, f -> as(Key.EDITOR).json(approach(f.approach))),
                on("POST /api/v1/approaches", 415, f -> as(Key.EDITOR).body("text/plain", "school linking")),
                on("POST /api/v1/approaches", 401, f -> as(Key.NONE).json(approach(TestData.unique("approach")))),
                on("POST /api/v1/approaches", 403, f -> as(Key.CURATOR).json(approach(TestData.unique("approach")))),
                on("POST /api/v1/approaches", 413, f -> as(Key.EDITOR).body("application/json", TOO_LARGE)),
                on("POST /api/v1/approaches", 406, f -> as(Key.EDITOR).accept(IMAGE).json(approach(TestData.unique("approach")))),
                on("GET /api/v1/approaches/{slug}", 200, f -> as(Key.NONE).at("/api/v1/approaches/" + f.approach)),
                on("GET /api/v1/approaches/{slug}", 200, f -> as(Key.NONE).at("/api/v1/approaches/" + f.approach).accept(JSON_LD)),
                on("GET /api/v1/approaches/{slug}", 304, f -> as(Key.NONE).at("/api/v1/approaches/" + f.approach).revalidated()),
                on("GET /api/v1/approaches/{slug}", 404, f -> as(Key.NONE).at("/api/v1/approaches/" + NO_SUCH)),
                on("GET /api/v1/approaches/{slug}", 406, f -> as(Key.NONE).at("/api/v1/approaches/" + f.approach).accept(IMAGE)),
                on("PUT /api/v1/approaches/{slug}", 200, f -> as(Key.EDITOR).at("/api/v1/approaches/" + f.approach).json(approach(f.approach))),
                on("PUT /api/v1/approaches/{slug}", 400, f -> as(Key.EDITOR).at("/api/v1/approaches/" + f.approach).json(Map.of("name", ""))),
                on("PUT /api/v1/approaches/{slug}", 404, f -> as(Key.EDITOR).at("/api/v1/approaches/" + NO_SUCH).json(approach(NO_SUCH))),
                on("PUT /api/v1/approaches/{slug}", 415, f -> as(Key.EDITOR).at("/api/v1/approaches/" + f.approach).body("text/plain", "x")),
                on("PUT /api/v1/approaches/{slug}", 401, f -> as(Key.NONE).at("/api/v1/approaches/" + f.approach).json(approach(f.approach))),
                on("PUT /api/v1/approaches/{slug}", 403, f -> as(Key.CURATOR).at("/api/v1/approaches/" + f.approach).json(approach(f.approach))),
                on("PUT /api/v1/approaches/{slug}", 413, f -> as(Key.EDITOR).at("/api/v1/approaches/" + f.approach).body("application/json", TOO_LARGE)),
                on("PUT /api/v1/approaches/{slug}", 406, f -> as(Key.EDITOR).at("/api/v1/approaches/" + f.approach).accept(IMAGE).json(approach(f.approach))),
                on("DELETE /api/v1/approaches/{slug}", 204, f -> as(Key.EDITOR).at("/api/v1/approaches/" + f.newApproach())),
                on("DELETE /api/v1/approaches/{slug}", 404, f -> as(Key.EDITOR).at("/api/v1/approaches/" + NO_SUCH)),
                on("DELETE /api/v1/approaches/{slug}", 409, f -> as(Key.EDITOR).at("/api/v1/approaches/" + f.approach)),
                on("DELETE /api/v1/approaches/{slug}", 401, f -> as(Key.NONE).at("/api/v1/approaches/" + f.approach)),
                on("DELETE /api/v1/approaches/{slug}", 403, f -> as(Key.CURATOR).at("/api/v1/approaches/" + f.approach)),
                on("DELETE /api/v1/approaches/{slug}", 406, f -> as(Key.EDITOR).at("/api/v1/approaches/" + f.approach).accept(IMAGE)),
                // Outcome domains
                on("GET /api/v1/outcome-domains", 200, f -> as(Key.NONE)),
                on("GET /api/v1/outcome-domains", 200, f -> as(Key.NONE).accept(JSON_LD)),
                on("GET /api/v1/outcome-domains", 304, f -> as(Key.NONE).revalidated()),
                on("GET /api/v1/outcome-domains", 406, f -> as(Key.NONE).accept(CSV)),
                on("POST /api/v1/outcome-domains", 201, f -> as(Key.EDITOR).json(outcomeGroup(TestData.unique("group")))),
                on("POST /api/v1/outcome-domains", 400, f -> as(Key.EDITOR).json(Map.of("slug", "Not A Slug"))),
                on("POST /api/v1/outcome-domains", 409, f -> as(Key.EDITOR).json(outcomeGroup(f.outcomeGroup))),
                on("POST /api/v1/outcome-domains", 415, f -> as(Key.EDITOR).body("text/plain", "bridges")),
                on("POST /api/v1/outcome-domains", 401, f -> as(Key.NONE).json(outcomeGroup(TestData.unique("group")))),
                on("POST /api/v1/outcome-domains", 403, f -> as(Key.CURATOR).json(outcomeGroup(TestData.unique("group")))),
                on("POST /api/v1/outcome-domains", 413, f -> as(Key.EDITOR).body("application/json", TOO_LARGE)),
                on("POST /api/v1/outcome-domains", 406, f -> as(Key.EDITOR).accept(IMAGE).json(outcomeGroup(TestData.unique("group")))),
                on("GET /api/v1/outcome-domains/{slug}", 200, f -> as(Key.NONE).at("/api/v1/outcome-domains/bridges")),
                on("GET /api/v1/outcome-domains/{slug}", 200, f -> as(Key.NONE).at("/api/v1/outcome-domains/bridges").accept(JSON_LD)),
                on("GET /api/v1/outcome-domains/{slug}", 304, f -> as(Key.NONE).at("/api/v1/outcome-domains/bridges").revalidated()),
                on("GET /api/v1/outcome-domains/{slug}", 404, f -> as(Key.NONE).at("/api/v1/outcome-domains/" + NO_SUCH)),
                on("GET /api/v1/outcome-domains/{slug}", 406, f -> as(Key.NONE).at("/api/v1/outcome-domains/bridges").accept(IMAGE)),
                on("PUT /api/v1/outcome-domains/{slug}", 200, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/" + f.outcomeGroup).json(outcomeGroup(f.outcomeGroup))),
                on("PUT /api/v1/outcome-domains/{slug}", 400, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/" + f.outcomeGroup).json(Map.of("name", ""))),
                on("PUT /api/v1/outcome-domains/{slug}", 404, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/" + NO_SUCH).json(outcomeGroup(NO_SUCH))),
                on("PUT /api/v1/outcome-domains/{slug}", 415, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/" + f.outcomeGroup).body("text/plain", "x")),
                on("PUT /api/v1/outcome-domains/{slug}", 401, f -> as(Key.NONE).at("/api/v1/outcome-domains/" + f.outcomeGroup).json(outcomeGroup(f.outcomeGroup))),
                on("PUT /api/v1/outcome-domains/{slug}", 403, f -> as(Key.CURATOR).at("/api/v1/outcome-domains/" + f.outcomeGroup).json(outcomeGroup(f.outcomeGroup))),
                on("PUT /api/v1/outcome-domains/{slug}", 413, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/" + f.outcomeGroup).body("application/json", TOO_LARGE)),
                on("PUT /api/v1/outcome-domains/{slug}", 406, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/" + f.outcomeGroup).accept(IMAGE).json(outcomeGroup(f.outcomeGroup))),
                on("DELETE /api/v1/outcome-domains/{slug}", 204, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/" + f.newOutcomeGroup())),
                on("DELETE /api/v1/outcome-domains/{slug}", 404, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/" + NO_SUCH)),
                on("DELETE /api/v1/outcome-domains/{slug}", 409, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/social-connections")),
                on("DELETE /api/v1/outcome-domains/{slug}", 401, f -> as(Key.NONE).at("/api/v1/outcome-domains/" + f.outcomeGroup)),
                on("DELETE /api/v1/outcome-domains/{slug}", 403, f -> as(Key.CURATOR).at("/api/v1/outcome-domains/" + f.outcomeGroup)),
                on("DELETE /api/v1/outcome-domains/{slug}", 406, f -> as(Key.EDITOR).at("/api/v1/outcome-domains/" + f.outcomeGroup).accept(IMAGE)),

                on("GET /api/v1/frameworks", 200, f -> as(Key.NONE)),
                on("GET /api/v1/frameworks", 304, f -> as(Key.NONE).revalidated()),
                on("GET /api/v1/frameworks", 406, f -> as(Key.NONE).accept(IMAGE)),
                on("GET /api/v1/frameworks/{scheme}", 200, f -> as(Key.NONE).at("/api/v1/frameworks/gcm")),
                on("GET /api/v1/frameworks/{scheme}", 200, f -> as(Key.NONE).at("/api/v1/frameworks/gcm").accept(JSON_LD)),
                on("GET /api/v1/frameworks/{scheme}", 304, f -> as(Key.NONE).at("/api/v1/frameworks/gcm").revalidated()),
                on("GET /api/v1/frameworks/{scheme}", 404, f -> as(Key.NONE).at("/api/v1/frameworks/" + NO_SUCH)),
                on("GET /api/v1/frameworks/{scheme}", 406, f -> as(Key.NONE).at("/api/v1/frameworks/gcm").accept(IMAGE)),
                on("GET /api/v1/frameworks/{scheme}/{code}", 200, f -> as(Key.NONE).at("/api/v1/frameworks/gcm/16")),
                on("GET /api/v1/frameworks/{scheme}/{code}", 304, f -> as(Key.NONE).at("/api/v1/frameworks/gcm/16").revalidated()),
                on("GET /api/v1/frameworks/{scheme}/{code}", 404, f -> as(Key.NONE).at("/api/v1/frameworks/gcm/24")),
                on("GET /api/v1/frameworks/{scheme}/{code}", 406, f -> as(Key.NONE).at("/api/v1/frameworks/gcm/16").accept(IMAGE)),
                on("POST /api/v1/frameworks/{scheme}/{code}/mappings", 201, f -> as(Key.EDITOR).at(FRAMEWORK_MAPPINGS).json(frameworkMapping(f.newApproach()))),
                on("POST /api/v1/frameworks/{scheme}/{code}/mappings", 400, f -> as(Key.EDITOR).at(FRAMEWORK_MAPPINGS).json(Map.of("approach", NO_SUCH, "relation", "sameAs"))),
                on("POST /api/v1/frameworks/{scheme}/{code}/mappings", 404, f -> as(Key.EDITOR).at("/api/v1/frameworks/sdg/99.9/mappings").json(frameworkMapping(f.approach))),
                on("POST /api/v1/frameworks/{scheme}/{code}/mappings", 409, f -> as(Key.EDITOR).at(FRAMEWORK_MAPPINGS).json(frameworkMapping(f.approach))),
                on("POST /api/v1/frameworks/{scheme}/{code}/mappings", 415, f -> as(Key.EDITOR).at(FRAMEWORK_MAPPINGS).body("text/plain", "sport")),
                on("POST /api/v1/frameworks/{scheme}/{code}/mappings", 401, f -> as(Key.NONE).at(FRAMEWORK_MAPPINGS).json(frameworkMapping(f.approach))),
                on("POST /api/v1/frameworks/{scheme}/{code}/mappings", 403, f -> as(Key.CURATOR).at(FRAMEWORK_MAPPINGS).json(frameworkMapping(f.approach))),
                on("POST /api/v1/frameworks/{scheme}/{code}/mappings", 413, f -> as(Key.EDITOR).at(FRAMEWORK_MAPPINGS).body("application/json", TOO_LARGE)),
                on("POST /api/v1/frameworks/{scheme}/{code}/mappings", 406, f -> as(Key.EDITOR).at(FRAMEWORK_MAPPINGS).accept(IMAGE).json(frameworkMapping(f.newApproach()))),
                on("DELETE /api/v1/frameworks/{scheme}/{code}/mappings/{mapping}", 204, f -> as(Key.EDITOR).at(FRAMEWORK_MAPPINGS + "/" + f.newFrameworkMapping())),
                on("DELETE /api/v1/frameworks/{scheme}/{code}/mappings/{mapping}", 404, f -> as(Key.EDITOR).at(FRAMEWORK_MAPPINGS + "/" + Long.MAX_VALUE)),
                on("DELETE /api/v1/frameworks/{scheme}/{code}/mappings/{mapping}", 401, f -> as(Key.NONE).at(FRAMEWORK_MAPPINGS + "/" + f.frameworkMapping)),
                on("DELETE /api/v1/frameworks/{scheme}/{code}/mappings/{mapping}", 403, f -> as(Key.CURATOR).at(FRAMEWORK_MAPPINGS + "/" + f.frameworkMapping)),
                on("DELETE /api/v1/frameworks/{scheme}/{code}/mappings/{mapping}", 406, f -> as(Key.EDITOR).at(FRAMEWORK_MAPPINGS + "/" + f.frameworkMapping).accept(IMAGE)),

                on("GET /api/v1/evidence-levels", 200, f -> as(Key.NONE)),
                on("GET /api/v1/evidence-levels", 304, f -> as(Key.NONE).revalidated()),
                on("GET /api/v1/evidence-levels", 406, f -> as(Key.NONE).accept(IMAGE)),
                on("GET /api/v1/evidence-levels/crosswalk", 200, f -> as(Key.NONE)),
                on("GET /api/v1/evidence-levels/crosswalk", 304, f -> as(Key.NONE).revalidated()),
                on("GET /api/v1/evidence-levels/crosswalk", 406, f -> as(Key.NONE).accept(IMAGE)),
                on("GET /api/v1/cost-bands", 200, f -> as(Key.NONE)),
                on("GET /api/v1/cost-bands", 304, f -> as(Key.NONE).revalidated()),
                on("GET /api/v1/cost-bands", 406, f -> as(Key.NONE).accept(IMAGE)),
                on("GET /api/v1/evidence-map", 200, f -> as(Key.NONE)),
                on("GET /api/v1/evidence-map", 200, f -> as(Key.NONE).accept(CSV)),
                on("GET /api/v1/evidence-map", 200, f -> as(Key.NONE).accept("image/svg+xml")),
                on("GET /api/v1/evidence-map", 304, f -> as(Key.NONE).revalidated()),
                on("GET /api/v1/evidence-map", 400, f -> as(Key.NONE).at("/api/v1/evidence-map?rows=colour")),
                on("GET /api/v1/evidence-map", 406, f -> as(Key.NONE).accept(IMAGE)),

                // Case studies: lists, search, exports, feeds
                on("GET /api/v1/case-studies", 200, f -> as(Key.NONE).at("/api/v1/case-studies?q=bradford&facets=approach")),
                on("GET /api/v1/case-studies", 200, f -> as(Key.NONE).at("/api/v1/case-studies?q=bradford").accept(JSON_LD)),
                on("GET /api/v1/case-studies", 200, f -> as(Key.NONE).at("/api/v1/case-studies?q=bradford").accept(CSV)),
                on("GET /api/v1/case-studies", 200, f -> as(Key.NONE).at("/api/v1/case-studies?near=53.79,-1.75&radius=50").accept(GEO_JSON)),
                on("GET /api/v1/case-studies", 400, f -> as(Key.NONE).at("/api/v1/case-studies?near=53.79,-1.75&radius=0")),
                on("GET /api/v1/case-studies", 200, f -> as(Key.NONE).at("/api/v1/case-studies?q=bradford").accept(CSL_JSON)),
                on("GET /api/v1/case-studies", 200, f -> as(Key.NONE).at("/api/v1/case-studies?q=bradford").accept(BIBTEX)),
                on("GET /api/v1/case-studies", 200, f -> as(Key.NONE).at("/api/v1/case-studies?q=bradford&format=ris")),
                on("GET /api/v1/case-studies", 400, f -> as(Key.NONE).at("/api/v1/case-studies?format=endnote")),
                on("GET /api/v1/case-studies", 200, f -> as(Key.NONE).at("/api/v1/case-studies?fields=slug,title")),
                on("GET /api/v1/case-studies", 304, f -> as(Key.NONE).at("/api/v1/case-studies?q=bradford").revalidated()),
                on("GET /api/v1/case-studies", 400, f -> as(Key.NONE).at("/api/v1/case-studies?limit=many")),
                on("GET /api/v1/case-studies", 400, f -> as(Key.NONE).at("/api/v1/case-studies?fields=slug,colour")),
                on("GET /api/v1/case-studies", 406, f -> as(Key.NONE).accept(IMAGE)),
                on("GET /api/v1/case-studies/export", 200, f -> as(Key.NONE).at("/api/v1/case-studies/export?format=csv")),
                on("GET /api/v1/case-studies/export", 200, f -> as(Key.NONE).at("/api/v1/case-studies/export?format=ndjson")),
                on("GET /api/v1/case-studies/export", 200, f -> as(Key.NONE).at("/api/v1/case-studies/export?bbox=-2.2,53.5,-1.5,54").accept(GEO_JSON)),
                on("GET /api/v1/case-studies/export", 200, f -> as(Key.NONE).at("/api/v1/case-studies/export?format=csl-json")),
                on("GET /api/v1/case-studies/export", 200, f -> as(Key.NONE).at("/api/v1/case-studies/export").accept(BIBTEX)),
                on("GET /api/v1/case-studies/export", 200, f -> as(Key.NONE).at("/api/v1/case-studies/export?format=ris")),
                on("GET /api/v1/case-studies/export", 304, f -> as(Key.NONE).at("/api/v1/case-studies/export?format=csv").revalidated()),
                on("GET /api/v1/case-studies/export", 400, f -> as(Key.NONE).at("/api/v1/case-studies/export?format=xls")),
                on("GET /api/v1/case-studies/export", 406, f -> as(Key.NONE).accept(IMAGE)),
                on("GET /api/v1/feeds/case-studies.atom", 200, f -> as(Key.NONE)),
                on("GET /api/v1/feeds/case-studies.atom", 304, f -> as(Key.NONE).revalidated()),
                on("GET /api/v1/feeds/case-studies.atom", 400, f -> as(Key.NONE).at("/api/v1/feeds/case-studies.atom?limit=many")),
                on("GET /api/v1/feeds/case-studies.atom", 406, f -> as(Key.NONE).accept(IMAGE)),
                on("POST /api/v1/feeds/searches", 201, f -> as(Key.NONE).json(savedSearch(f.newApproach()))),
                on("POST /api/v1/feeds/searches", 200, f -> as(Key.NONE).json(savedSearch(f.approach))),
                on("POST /api/v1/feeds/searches", 400, f -> as(Key.NONE).json(Map.of("parameters", Map.of("contry", List.of("GB"))))),
                on("POST /api/v1/feeds/searches", 415, f -> as(Key.NONE).body("text/plain", "approach=sport")),
                on("POST /api/v1/feeds/searches", 413, f -> as(Key.NONE).body("application/json", TOO_LARGE)),
                on("POST /api/v1/feeds/searches", 406, f -> as(Key.NONE).accept(IMAGE).json(savedSearch(f.approach))),
                on("GET /api/v1/feeds/searches/{id}", 200, f -> as(Key.NONE).at(SAVED_SEARCHES + "/" + f.savedSearch)),
                on("GET /api/v1/feeds/searches/{id}", 304, f -> as(Key.NONE).at(SAVED_SEARCHES + "/" + f.savedSearch).revalidated()),
                on("GET /api/v1/feeds/searches/{id}", 404, f -> as(Key.NONE).at(SAVED_SEARCHES + "/" + NO_SUCH)),
                on("GET /api/v1/feeds/searches/{id}", 406, f -> as(Key.NONE).at(SAVED_SEARCHES + "/" + f.savedSearch).accept(IMAGE)),
                on("GET /api/v1/feeds/searches/{id}.atom", 200, f -> as(Key.NONE).at(SAVED_SEARCHES + "/" + f.savedSearch + ".atom")),
                on("GET /api/v1/feeds/searches/{id}.atom", 304, f -> as(Key.NONE).at(SAVED_SEARCHES + "/" + f.savedSearch + ".atom").revalidated()),
                on("GET /api/v1/feeds/searches/{id}.atom", 404, f -> as(Key.NONE).at(SAVED_SEARCHES + "/" + NO_SUCH + ".atom")),
                on("GET /api/v1/feeds/searches/{id}.atom", 406, f -> as(Key.NONE).at(SAVED_SEARCHES + "/" + f.savedSearch + ".atom").accept(IMAGE)),
                on("DELETE /api/v1/feeds/searches/{id}", 204, f -> as(Key.EDITOR).at(SAVED_SEARCHES + "/" + f.newSavedSearch())),
                on("DELETE /api/v1/feeds/searches/{id}", 404, f -> as(Key.EDITOR).at(SAVED_SEARCHES + "/" + NO_SUCH)),
                on("DELETE /api/v1/feeds/searches/{id}", 401, f -> as(Key.NONE).at(SAVED_SEARCHES + "/" + f.savedSearch)),
                on("DELETE /api/v1/feeds/searches/{id}", 403, f -> as(Key.CURATOR).at(SAVED_SEARCHES + "/" + f.savedSearch)),
                on("DELETE /api/v1/feeds/searches/{id}", 406, f -> as(Key.EDITOR).at(SAVED_SEARCHES + "/" + f.savedSearch).accept(IMAGE)),
                on("GET /api/v1/suggest", 200, f -> as(Key.NONE).at("/api/v1/suggest?prefix=brad")),
                on("GET /api/v1/suggest", 304, f -> as(Key.NONE).at("/api/v1/suggest?prefix=brad").revalidated()),
                on("GET /api/v1/suggest", 400, f -> as(Key.NONE)),
                on("GET /api/v1/suggest", 406, f -> as(Key.NONE).at("/api/v1/suggest?prefix=brad").accept(IMAGE)),

                // OAI-PMH: errors of the protocol are 200s too (OaiPmhTest checks them)
                on("GET /oai", 200, f -> as(Key.NONE).at("/oai?verb=Identify")),
                on("GET /oai", 304, f -> as(Key.NONE).at("/oai?verb=ListMetadataFormats").revalidated()),
                on("GET /oai", 406, f -> as(Key.NONE).at("/oai?verb=Identify").accept(IMAGE)),
                on("POST /oai", 200, f -> as(Key.NONE).body(FORM, "verb=Identify")),
                on("POST /oai", 406, f -> as(Key.NONE).accept(IMAGE).body(FORM, "verb=Identify")),
                on("POST /oai", 413, f -> as(Key.NONE).body(FORM, "verb=Identify&x=" + "x".repeat(1_100_000))),
                on("POST /oai", 415, f -> as(Key.NONE).body("text/plain", "verb=Identify")),
                on("GET /oai/case-study.xsd", 200, f -> as(Key.NONE)),
                on("GET /oai/case-study.xsd", 304, f -> as(Key.NONE).revalidated()),
                on("GET /oai/case-study.xsd", 406, f -> as(Key.NONE).accept(IMAGE)),
                // Change feed: a full page never changes, so its 304 holds however many changes the other lines add
                on("GET /api/v1/changes", 200, f -> as(Key.NONE).at("/api/v1/changes?limit=5")),
                on("GET /api/v1/changes", 304, f -> as(Key.NONE).at("/api/v1/changes?limit=1").revalidated()),
                on("GET /api/v1/changes", 400, f -> as(Key.NONE).at("/api/v1/changes?since=not-a-token")),
                on("GET /api/v1/changes", 400, f -> as(Key.NONE).at("/api/v1/changes?limit=0")),
                on("GET /api/v1/changes", 406, f -> as(Key.NONE).accept(IMAGE)),

                // Case studies: one
                on("POST /api/v1/case-studies", 201, f -> as(Key.CURATOR).json(TestData.caseStudy(f.approach))),
                on("POST /api/v1/case-studies", 400, f -> as(Key.CURATOR).json(Map.of("title", ""))),
                on("POST /api/v1/case-studies", 409, f -> as(Key.EDITOR).json(f.caseStudyWithSlug(f.published))),
                on("POST /api/v1/case-studies", 415, f -> as(Key.CURATOR).body("text/plain", "A case study")),
                on("POST /api/v1/case-studies", 401, f -> as(Key.NONE).json(TestData.caseStudy(f.approach))),
                on("POST /api/v1/case-studies", 413, f -> as(Key.CURATOR).body("application/json", TOO_LARGE)),
                on("POST /api/v1/case-studies", 406, f -> as(Key.CURATOR).accept(IMAGE).json(TestData.caseStudy(f.approach))),
                on("GET /api/v1/case-studies/{slug}", 200, f -> as(Key.NONE).at(f.one(f.published))),
                on("GET /api/v1/case-studies/{slug}", 200, f -> as(Key.NONE).at(f.one(f.published)).accept(JSON_LD)),
                on("GET /api/v1/case-studies/{slug}", 200, f -> as(Key.NONE).at(f.one(f.published)).accept(CSV)),
                on("GET /api/v1/case-studies/{slug}", 200, f -> as(Key.NONE).at(f.one(f.published)).accept(GEO_JSON)),
                on("GET /api/v1/case-studies/{slug}", 200, f -> as(Key.NONE).at(f.one(f.published)).accept(CSL_JSON)),
                on("GET /api/v1/case-studies/{slug}", 200, f -> as(Key.NONE).at(f.one(f.published) + "?format=bibtex")),
                on("GET /api/v1/case-studies/{slug}", 200, f -> as(Key.NONE).at(f.one(f.published)).accept(RIS)),
                on("GET /api/v1/case-studies/{slug}", 400, f -> as(Key.NONE).at(f.one(f.published) + "?format=endnote")),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 200, f -> as(Key.NONE).at(f.one(f.published) + "/versions/0")),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 200, f -> as(Key.NONE).at(f.one(f.published) + "/versions/0").accept(CSL_JSON)),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 200, f -> as(Key.NONE).at(f.one(f.published) + "/versions/0?format=bibtex")),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 200, f -> as(Key.NONE).at(f.one(f.published) + "/versions/0").accept(RIS)),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 304, f -> as(Key.NONE).at(f.one(f.published) + "/versions/0").revalidated()),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 400, f -> as(Key.NONE).at(f.one(f.published) + "/versions/0?format=csv")),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 404, f -> as(Key.NONE).at(f.one(f.published) + "/versions/999")),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 410, f -> as(Key.NONE).at(f.one(f.withdrawn) + "/versions/0")),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 406, f -> as(Key.NONE).at(f.one(f.published) + "/versions/0").accept(IMAGE)),
                on("GET /api/v1/case-studies/{slug}/versions/{version}", 308, f -> as(Key.NONE).at(f.one(f.oldSlug) + "/versions/0")),
                on("GET /api/v1/case-studies/{slug}", 200, f -> as(Key.NONE).at(f.one(f.published) + "?fields=slug,title,approaches")),
                on("GET /api/v1/case-studies/{slug}", 304, f -> as(Key.NONE).at(f.one(f.published)).revalidated()),
                on("GET /api/v1/case-studies/{slug}", 400, f -> as(Key.NONE).at(f.one(f.published) + "?fields=slug,colour")),
                on("GET /api/v1/case-studies/{slug}", 404, f -> as(Key.NONE).at(f.one(NO_SUCH))),
                on("GET /api/v1/case-studies/{slug}", 410, f -> as(Key.NONE).at(f.one(f.withdrawn))),
                on("GET /api/v1/case-studies/{slug}", 406, f -> as(Key.NONE).at(f.one(f.published)).accept(IMAGE)),
                on("GET /api/v1/case-studies/{slug}", 308, f -> as(Key.NONE).at(f.one(f.oldSlug))),
                on("PUT /api/v1/case-studies/{slug}", 200, f -> as(Key.EDITOR).at(f.one(f.editable)).anyVersion().json(f.caseStudyWithSlug(f.editable))),
                on("PUT /api/v1/case-studies/{slug}", 412, f -> as(Key.EDITOR).at(f.one(f.published)).header("If-Match", "\"999999\"").json(f.caseStudyWithSlug(f.published))),
                on("PUT /api/v1/case-studies/{slug}", 428, f -> as(Key.EDITOR).at(f.one(f.published)).json(f.caseStudyWithSlug(f.published))),
                on("PUT /api/v1/case-studies/{slug}", 400, f -> as(Key.EDITOR).at(f.one(f.published)).anyVersion().json(Map.of("title", ""))),
                on("PUT /api/v1/case-studies/{slug}", 404, f -> as(Key.EDITOR).at(f.one(NO_SUCH)).anyVersion().json(f.caseStudyWithSlug(NO_SUCH))),
                on("PUT /api/v1/case-studies/{slug}", 410, f -> as(Key.EDITOR).at(f.one(f.withdrawn)).anyVersion().json(f.caseStudyWithSlug(f.withdrawn))),
                on("PUT /api/v1/case-studies/{slug}", 415, f -> as(Key.EDITOR).at(f.one(f.published)).anyVersion().body("text/plain", "x")),
                on("PUT /api/v1/case-studies/{slug}", 401, f -> as(Key.NONE).at(f.one(f.published)).anyVersion().json(f.caseStudyWithSlug(f.published))),
                on("PUT /api/v1/case-studies/{slug}", 403, f -> as(Key.CURATOR).at(f.one(f.published)).anyVersion().json(f.caseStudyWithSlug(f.published))),
                on("PUT /api/v1/case-studies/{slug}", 413, f -> as(Key.EDITOR).at(f.one(f.published)).anyVersion().body("application/json", TOO_LARGE)),
                on("PUT /api/v1/case-studies/{slug}", 406, f -> as(Key.EDITOR).at(f.one(f.published)).anyVersion().accept(IMAGE).json(f.caseStudyWithSlug(f.published))),
                on("PUT /api/v1/case-studies/{slug}", 308, f -> as(Key.EDITOR).at(f.one(f.oldSlug)).anyVersion().json(f.caseStudyWithSlug(f.oldSlug))),
                on("PATCH /api/v1/case-studies/{slug}", 200, f -> as(Key.EDITOR).at(f.one(f.editable)).anyVersion().body(MERGE_PATCH, "{\"summary\": \"Patched by the contract test.\"}")),
                on("PATCH /api/v1/case-studies/{slug}", 400, f -> as(Key.EDITOR).at(f.one(f.published)).anyVersion().body(MERGE_PATCH, "[]")),
                on("PATCH /api/v1/case-studies/{slug}", 404, f -> as(Key.EDITOR).at(f.one(NO_SUCH)).anyVersion().body(MERGE_PATCH, "{}")),
                on("PATCH /api/v1/case-studies/{slug}", 410, f -> as(Key.EDITOR).at(f.one(f.withdrawn)).anyVersion().body(MERGE_PATCH, "{}")),
                on("PATCH /api/v1/case-studies/{slug}", 412, f -> as(Key.EDITOR).at(f.one(f.published)).header("If-Match", "\"999999\"").body(MERGE_PATCH, "{}")),
                on("PATCH /api/v1/case-studies/{slug}", 415, f -> as(Key.EDITOR).at(f.one(f.published)).anyVersion().json(Map.of())),
                on("PATCH /api/v1/case-studies/{slug}", 428, f -> as(Key.EDITOR).at(f.one(f.published)).body(MERGE_PATCH, "{}")),
                on("PATCH /api/v1/case-studies/{slug}", 401, f -> as(Key.NONE).at(f.one(f.published)).anyVersion().body(MERGE_PATCH, "{}")),
                on("PATCH /api/v1/case-studies/{slug}", 403, f -> as(Key.CURATOR).at(f.one(f.published)).anyVersion().body(MERGE_PATCH, "{}")),
                on("PATCH /api/v1/case-studies/{slug}", 413, f -> as(Key.EDITOR).at(f.one(f.published)).anyVersion().body(MERGE_PATCH, TOO_LARGE)),
                on("PATCH /api/v1/case-studies/{slug}", 406, f -> as(Key.EDITOR).at(f.one(f.published)).anyVersion().accept(IMAGE).body(MERGE_PATCH, "{}")),
                on("PATCH /api/v1/case-studies/{slug}", 308, f -> as(Key.EDITOR).at(f.one(f.oldSlug)).anyVersion().body(MERGE_PATCH, "{}")),
                on("DELETE /api/v1/case-studies/{slug}", 204, f -> as(Key.EDITOR).at(f.one(f.newCaseStudy())).anyVersion()),
                on("DELETE /api/v1/case-studies/{slug}", 412, f -> as(Key.EDITOR).at(f.one(f.published)).header("If-Match", "\"999999\"")),
                on("DELETE /api/v1/case-studies/{slug}", 428, f -> as(Key.EDITOR).at(f.one(f.published))),
                on("DELETE /api/v1/case-studies/{slug}", 404, f -> as(Key.EDITOR).at(f.one(NO_SUCH)).anyVersion()),
                on("DELETE /api/v1/case-studies/{slug}", 410, f -> as(Key.EDITOR).at(f.one(f.withdrawn)).anyVersion()),
                on("DELETE /api/v1/case-studies/{slug}", 401, f -> as(Key.NONE).at(f.one(f.published)).anyVersion()),
                on("DELETE /api/v1/case-studies/{slug}", 403, f -> as(Key.CURATOR).at(f.one(f.published)).anyVersion()),
                on("DELETE /api/v1/case-studies/{slug}", 406, f -> as(Key.EDITOR).at(f.one(f.published)).header("If-Match", "\"999999\"").accept(IMAGE)),
                on("DELETE /api/v1/case-studies/{slug}", 308, f -> as(Key.EDITOR).at(f.one(f.oldSlug)).anyVersion()),
                on("GET /api/v1/case-studies/{slug}/related", 200, f -> as(Key.NONE).at(f.one(f.published) + "/related")),
                on("GET /api/v1/case-studies/{slug}/related", 304, f -> as(Key.NONE).at(f.one(f.published) + "/related").revalidated()),
                on("GET /api/v1/case-studies/{slug}/related", 400, f -> as(Key.NONE).at(f.one(f.published) + "/related?limit=many")),
                on("GET /api/v1/case-studies/{slug}/related", 404, f -> as(Key.NONE).at(f.one(NO_SUCH) + "/related")),
                on("GET /api/v1/case-studies/{slug}/related", 410, f -> as(Key.NONE).at(f.one(f.withdrawn) + "/related")),
                on("GET /api/v1/case-studies/{slug}/related", 406, f -> as(Key.NONE).at(f.one(f.published) + "/related").accept(IMAGE)),
                on("GET /api/v1/case-studies/{slug}/related", 308, f -> as(Key.NONE).at(f.one(f.oldSlug) + "/related")),

                // Case studies: workflow
                on("POST /api/v1/case-studies/{slug}/transitions", 200, f -> as(Key.CURATOR).at(f.one(f.newDraft()) + "/transitions").json(Map.of("action", "submit"))),
                on("POST /api/v1/case-studies/{slug}/transitions", 412, f -> as(Key.EDITOR).at(f.one(f.published) + "/transitions").header("If-Match", "\"999999\"").json(Map.of("action", "withdraw"))),
                on("POST /api/v1/case-studies/{slug}/transitions", 400, f -> as(Key.EDITOR).at(f.one(f.published) + "/transitions").json(Map.of("action", "fly"))),
                on("POST /api/v1/case-studies/{slug}/transitions", 404, f -> as(Key.EDITOR).at(f.one(NO_SUCH) + "/transitions").json(Map.of("action", "publish"))),
                on("POST /api/v1/case-studies/{slug}/transitions", 409, f -> as(Key.EDITOR).at(f.one(f.published) + "/transitions").json(Map.of("action", "publish"))),
                on("POST /api/v1/case-studies/{slug}/transitions", 410, f -> as(Key.EDITOR).at(f.one(f.withdrawn) + "/transitions").json(Map.of("action", "publish"))),
                on("POST /api/v1/case-studies/{slug}/transitions", 415, f -> as(Key.EDITOR).at(f.one(f.published) + "/transitions").body("text/plain", "publish")),
                on("POST /api/v1/case-studies/{slug}/transitions", 401, f -> as(Key.NONE).at(f.one(f.published) + "/transitions").json(Map.of("action", "withdraw"))),
                on("POST /api/v1/case-studies/{slug}/transitions", 403, f -> as(Key.CURATOR).at(f.one(f.published) + "/transitions").json(Map.of("action", "withdraw"))),
                on("POST /api/v1/case-studies/{slug}/transitions", 413, f -> as(Key.EDITOR).at(f.one(f.published) + "/transitions").body("application/json", TOO_LARGE)),
                on("POST /api/v1/case-studies/{slug}/transitions", 406, f -> as(Key.EDITOR).at(f.one(f.published) + "/transitions").accept(IMAGE).json(Map.of("action", "publish"))),
                on("POST /api/v1/case-studies/{slug}/transitions", 308, f -> as(Key.EDITOR).at(f.one(f.oldSlug) + "/transitions").json(Map.of("action", "publish"))),
                on("GET /api/v1/case-studies/{slug}/transitions", 200, f -> as(Key.EDITOR).at(f.one(f.published) + "/transitions")),
                on("GET /api/v1/case-studies/{slug}/transitions", 404, f -> as(Key.EDITOR).at(f.one(NO_SUCH) + "/transitions")),
                on("GET /api/v1/case-studies/{slug}/transitions", 410, f -> as(Key.CURATOR).at(f.one(f.withdrawn) + "/transitions")),
                on("GET /api/v1/case-studies/{slug}/transitions", 401, f -> as(Key.NONE).at(f.one(f.published) + "/transitions")),
                on("GET /api/v1/case-studies/{slug}/transitions", 403, f -> as(Key.CURATOR).at(f.one(f.published) + "/transitions")),
                on("GET /api/v1/case-studies/{slug}/transitions", 406, f -> as(Key.EDITOR).at(f.one(f.published) + "/transitions").accept(IMAGE)),
                on("GET /api/v1/case-studies/{slug}/transitions", 308, f -> as(Key.EDITOR).at(f.one(f.oldSlug) + "/transitions")),

                // Case studies: revisions
                on("GET /api/v1/case-studies/{slug}/revisions", 200, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions")),
                on("GET /api/v1/case-studies/{slug}/revisions", 400, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions?limit=many")),
                on("GET /api/v1/case-studies/{slug}/revisions", 404, f -> as(Key.EDITOR).at(f.one(NO_SUCH) + "/revisions")),
                on("GET /api/v1/case-studies/{slug}/revisions", 410, f -> as(Key.CURATOR).at(f.one(f.withdrawn) + "/revisions")),
                on("GET /api/v1/case-studies/{slug}/revisions", 401, f -> as(Key.NONE).at(f.one(f.published) + "/revisions")),
                on("GET /api/v1/case-studies/{slug}/revisions", 403, f -> as(Key.CURATOR).at(f.one(f.published) + "/revisions")),
                on("GET /api/v1/case-studies/{slug}/revisions", 406, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions").accept(IMAGE)),
                on("GET /api/v1/case-studies/{slug}/revisions", 308, f -> as(Key.EDITOR).at(f.one(f.oldSlug) + "/revisions")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}", 200, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/1")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}", 404, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/999")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}", 410, f -> as(Key.CURATOR).at(f.one(f.withdrawn) + "/revisions/1")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}", 401, f -> as(Key.NONE).at(f.one(f.published) + "/revisions/1")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}", 403, f -> as(Key.CURATOR).at(f.one(f.published) + "/revisions/1")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}", 406, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/1").accept(IMAGE)),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}", 308, f -> as(Key.EDITOR).at(f.one(f.oldSlug) + "/revisions/1")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}/diff", 200, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/1/diff")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}/diff", 400, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/1/diff?from=first")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}/diff", 404, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/999/diff")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}/diff", 410, f -> as(Key.CURATOR).at(f.one(f.withdrawn) + "/revisions/1/diff")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}/diff", 401, f -> as(Key.NONE).at(f.one(f.published) + "/revisions/1/diff")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}/diff", 403, f -> as(Key.CURATOR).at(f.one(f.published) + "/revisions/1/diff")),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}/diff", 406, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/1/diff").accept(IMAGE)),
                on("GET /api/v1/case-studies/{slug}/revisions/{number}/diff", 308, f -> as(Key.EDITOR).at(f.one(f.oldSlug) + "/revisions/1/diff")),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 200, f -> as(Key.EDITOR).at(f.one(f.editable) + "/revisions/1/restore").anyVersion()),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 400, f -> as(Key.EDITOR).at(f.one(f.editable) + "/revisions/1/restore?reason=" + "x".repeat(2001)).anyVersion()),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 404, f -> as(Key.EDITOR).at(f.one(f.editable) + "/revisions/999/restore").anyVersion()),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 410, f -> as(Key.EDITOR).at(f.one(f.withdrawn) + "/revisions/1/restore").anyVersion()),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 412, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/1/restore").header("If-Match", "\"999999\"")),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 428, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/1/restore")),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 401, f -> as(Key.NONE).at(f.one(f.published) + "/revisions/1/restore").anyVersion()),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 403, f -> as(Key.CURATOR).at(f.one(f.published) + "/revisions/1/restore").anyVersion()),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 406, f -> as(Key.EDITOR).at(f.one(f.published) + "/revisions/1/restore").header("If-Match", "\"999999\"").accept(IMAGE)),
                on("POST /api/v1/case-studies/{slug}/revisions/{number}/restore", 308, f -> as(Key.EDITOR).at(f.one(f.oldSlug) + "/revisions/1/restore").anyVersion()),

                // Bulk import
                on("POST /api/v1/imports", 200, f -> as(Key.CURATOR).at("/api/v1/imports?dryRun=true").body(NDJSON_UTF8, f.importLine(TestData.unique("case-study")))),
                on("POST /api/v1/imports", 400, f -> as(Key.CURATOR).at("/api/v1/imports?dryRun=perhaps").body(NDJSON_UTF8, f.importLine(TestData.unique("case-study")))),
                on("POST /api/v1/imports", 413, f -> as(Key.CURATOR).at("/api/v1/imports?dryRun=true").body(NDJSON_UTF8, "{}\n".repeat(20_001))),
                on("POST /api/v1/imports", 415, f -> as(Key.CURATOR).json(Map.of())),
                on("POST /api/v1/imports", 422, f -> as(Key.CURATOR).at("/api/v1/imports?dryRun=true").body(NDJSON_UTF8, "{\"title\": \"\"}\n")),
                on("POST /api/v1/imports", 401, f -> as(Key.NONE).at("/api/v1/imports?dryRun=true").body(NDJSON_UTF8, f.importLine(TestData.unique("case-study")))),
                on("POST /api/v1/imports", 406, f -> as(Key.CURATOR).at("/api/v1/imports?dryRun=true").accept(IMAGE).body(NDJSON_UTF8, f.importLine(TestData.unique("case-study")))),

                // Webhooks
                on("GET /api/v1/webhooks", 200, f -> as(Key.EDITOR)),
                on("GET /api/v1/webhooks", 401, f -> as(Key.NONE)),
                on("GET /api/v1/webhooks", 403, f -> as(Key.CURATOR)),
                on("GET /api/v1/webhooks", 406, f -> as(Key.EDITOR).accept(IMAGE)),
                on("POST /api/v1/webhooks", 201, f -> as(Key.EDITOR).json(webhookInput("http://127.0.0.1:9/created", f.approach))),
                on("POST /api/v1/webhooks", 400, f -> as(Key.EDITOR).json(Map.of("url", "http://169.254.169.254/latest/meta-data"))),
                on("POST /api/v1/webhooks", 409, f -> as(Key.NONE).header("Authorization", "Bearer " + f.crowdedEditor)
                        .json(webhookInput("http://127.0.0.1:9/one-too-many", f.approach))),
                on("POST /api/v1/webhooks", 413, f -> as(Key.EDITOR).body("application/json", TOO_LARGE)),
                on("POST /api/v1/webhooks", 415, f -> as(Key.EDITOR).body("text/plain", "http://127.0.0.1:9/")),
                on("POST /api/v1/webhooks", 401, f -> as(Key.NONE).json(webhookInput("http://127.0.0.1:9/x", f.approach))),
                on("POST /api/v1/webhooks", 403, f -> as(Key.CURATOR).json(webhookInput("http://127.0.0.1:9/x", f.approach))),
                on("POST /api/v1/webhooks", 406, f -> as(Key.EDITOR).accept(IMAGE).json(webhookInput("http://127.0.0.1:9/x", f.approach))),
                on("GET /api/v1/webhooks/{id}", 200, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook)),
                on("GET /api/v1/webhooks/{id}", 404, f -> as(Key.EDITOR).at("/api/v1/webhooks/999999999")),
                on("GET /api/v1/webhooks/{id}", 401, f -> as(Key.NONE).at("/api/v1/webhooks/" + f.webhook)),
                on("GET /api/v1/webhooks/{id}", 403, f -> as(Key.CURATOR).at("/api/v1/webhooks/" + f.webhook)),
                on("GET /api/v1/webhooks/{id}", 406, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook).accept(IMAGE)),
                on("DELETE /api/v1/webhooks/{id}", 204, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.newWebhook(TestKeys.editor(), "http://127.0.0.1:9/deleted"))),
                on("DELETE /api/v1/webhooks/{id}", 404, f -> as(Key.EDITOR).at("/api/v1/webhooks/999999999")),
                on("DELETE /api/v1/webhooks/{id}", 401, f -> as(Key.NONE).at("/api/v1/webhooks/" + f.webhook)),
                on("DELETE /api/v1/webhooks/{id}", 403, f -> as(Key.CURATOR).at("/api/v1/webhooks/" + f.webhook)),
                on("DELETE /api/v1/webhooks/{id}", 406, f -> as(Key.EDITOR).at("/api/v1/webhooks/999999999").accept(IMAGE)),
                on("GET /api/v1/webhooks/{id}/deliveries", 200, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/deliveries?limit=5")),
                on("GET /api/v1/webhooks/{id}/deliveries", 400, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/deliveries?cursor=not-a-cursor")),
                on("GET /api/v1/webhooks/{id}/deliveries", 404, f -> as(Key.EDITOR).at("/api/v1/webhooks/999999999/deliveries")),
                on("GET /api/v1/webhooks/{id}/deliveries", 401, f -> as(Key.NONE).at("/api/v1/webhooks/" + f.webhook + "/deliveries")),
                on("GET /api/v1/webhooks/{id}/deliveries", 403, f -> as(Key.CURATOR).at("/api/v1/webhooks/" + f.webhook + "/deliveries")),
                on("GET /api/v1/webhooks/{id}/deliveries", 406, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/deliveries").accept(IMAGE)),
                on("POST /api/v1/webhooks/{id}/deliveries/{delivery}/redeliver", 202, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/deliveries/" + f.webhookDelivery + "/redeliver")),
                on("POST /api/v1/webhooks/{id}/deliveries/{delivery}/redeliver", 404, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/deliveries/999999999/redeliver")),
                on("POST /api/v1/webhooks/{id}/deliveries/{delivery}/redeliver", 409, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.endedWebhook + "/deliveries/" + f.webhookDelivery + "/redeliver")),
                on("POST /api/v1/webhooks/{id}/deliveries/{delivery}/redeliver", 401, f -> as(Key.NONE).at("/api/v1/webhooks/" + f.webhook + "/deliveries/" + f.webhookDelivery + "/redeliver")),
                on("POST /api/v1/webhooks/{id}/deliveries/{delivery}/redeliver", 403, f -> as(Key.CURATOR).at("/api/v1/webhooks/" + f.webhook + "/deliveries/" + f.webhookDelivery + "/redeliver")),
                on("POST /api/v1/webhooks/{id}/deliveries/{delivery}/redeliver", 406, f -> as(Key.EDITOR).accept(IMAGE).at("/api/v1/webhooks/" + f.webhook + "/deliveries/" + f.webhookDelivery + "/redeliver")),
                on("POST /api/v1/webhooks/{id}/pause", 200, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.newWebhook(TestKeys.editor(), "http://127.0.0.1:9/pause") + "/pause")),
                on("POST /api/v1/webhooks/{id}/pause", 404, f -> as(Key.EDITOR).at("/api/v1/webhooks/999999999/pause")),
                on("POST /api/v1/webhooks/{id}/pause", 409, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.endedWebhook + "/pause")),
                on("POST /api/v1/webhooks/{id}/pause", 401, f -> as(Key.NONE).at("/api/v1/webhooks/" + f.webhook + "/pause")),
                on("POST /api/v1/webhooks/{id}/pause", 403, f -> as(Key.CURATOR).at("/api/v1/webhooks/" + f.webhook + "/pause")),
                on("POST /api/v1/webhooks/{id}/pause", 406, f -> as(Key.EDITOR).accept(IMAGE).at("/api/v1/webhooks/" + f.webhook + "/pause")),
                on("POST /api/v1/webhooks/{id}/resume", 200, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.newWebhook(TestKeys.editor(), "http://127.0.0.1:9/resume") + "/resume")),
                on("POST /api/v1/webhooks/{id}/resume", 404, f -> as(Key.EDITOR).at("/api/v1/webhooks/999999999/resume")),
                on("POST /api/v1/webhooks/{id}/resume", 409, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.endedWebhook + "/resume")),
                on("POST /api/v1/webhooks/{id}/resume", 401, f -> as(Key.NONE).at("/api/v1/webhooks/" + f.webhook + "/resume")),
                on("POST /api/v1/webhooks/{id}/resume", 403, f -> as(Key.CURATOR).at("/api/v1/webhooks/" + f.webhook + "/resume")),
                on("POST /api/v1/webhooks/{id}/resume", 406, f -> as(Key.EDITOR).accept(IMAGE).at("/api/v1/webhooks/" + f.webhook + "/resume")),
                on("POST /api/v1/webhooks/{id}/test", 202, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/test")),
                on("POST /api/v1/webhooks/{id}/test", 404, f -> as(Key.EDITOR).at("/api/v1/webhooks/999999999/test")),
                on("POST /api/v1/webhooks/{id}/test", 409, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.endedWebhook + "/test")),
                on("POST /api/v1/webhooks/{id}/test", 401, f -> as(Key.NONE).at("/api/v1/webhooks/" + f.webhook + "/test")),
                on("POST /api/v1/webhooks/{id}/test", 403, f -> as(Key.CURATOR).at("/api/v1/webhooks/" + f.webhook + "/test")),
                on("POST /api/v1/webhooks/{id}/test", 406, f -> as(Key.EDITOR).accept(IMAGE).at("/api/v1/webhooks/" + f.webhook + "/test")),
                on("POST /api/v1/webhooks/{id}/rotate-secret", 200, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/rotate-secret").json(Map.of("overlapSeconds", 60))),
                on("POST /api/v1/webhooks/{id}/rotate-secret", 400, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/rotate-secret").json(Map.of("overlapSeconds", -1))),
                on("POST /api/v1/webhooks/{id}/rotate-secret", 404, f -> as(Key.EDITOR).at("/api/v1/webhooks/999999999/rotate-secret").json(Map.of())),
                on("POST /api/v1/webhooks/{id}/rotate-secret", 409, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.endedWebhook + "/rotate-secret").json(Map.of())),
                on("POST /api/v1/webhooks/{id}/rotate-secret", 413, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/rotate-secret").body("application/json", TOO_LARGE)),
                on("POST /api/v1/webhooks/{id}/rotate-secret", 415, f -> as(Key.EDITOR).at("/api/v1/webhooks/" + f.webhook + "/rotate-secret").body("text/plain", "rotate")),
                on("POST /api/v1/webhooks/{id}/rotate-secret", 401, f -> as(Key.NONE).at("/api/v1/webhooks/" + f.webhook + "/rotate-secret").json(Map.of())),
                on("POST /api/v1/webhooks/{id}/rotate-secret", 403, f -> as(Key.CURATOR).at("/api/v1/webhooks/" + f.webhook + "/rotate-secret").json(Map.of())),
                on("POST /api/v1/webhooks/{id}/rotate-secret", 406, f -> as(Key.EDITOR).accept(IMAGE).at("/api/v1/webhooks/" + f.webhook + "/rotate-secret").json(Map.of())),

                // Keys and audit
                on("GET /api/v1/keys", 200, f -> as(Key.ADMIN)),
                on("GET /api/v1/keys", 401, f -> as(Key.NONE)),
                on("GET /api/v1/keys", 403, f -> as(Key.EDITOR)),
                on("GET /api/v1/keys", 406, f -> as(Key.ADMIN).accept(IMAGE)),
                on("POST /api/v1/keys", 201, f -> as(Key.ADMIN).json(key())),
                on("POST /api/v1/keys", 400, f -> as(Key.ADMIN).json(Map.of("name", "", "role", "curator"))),
                on("POST /api/v1/keys", 415, f -> as(Key.ADMIN).body("text/plain", "a key please")),
                on("POST /api/v1/keys", 401, f -> as(Key.NONE).json(key())),
                on("POST /api/v1/keys", 403, f -> as(Key.EDITOR).json(key())),
                on("POST /api/v1/keys", 413, f -> as(Key.ADMIN).body("application/json", TOO_LARGE)),
                on("POST /api/v1/keys", 406, f -> as(Key.ADMIN).accept(IMAGE).json(key())),
                on("GET /api/v1/keys/{id}", 200, f -> as(Key.ADMIN).at("/api/v1/keys/" + f.keyId)),
                on("GET /api/v1/keys/{id}", 404, f -> as(Key.ADMIN).at("/api/v1/keys/999999999")),
                on("GET /api/v1/keys/{id}", 401, f -> as(Key.NONE).at("/api/v1/keys/" + f.keyId)),
                on("GET /api/v1/keys/{id}", 403, f -> as(Key.EDITOR).at("/api/v1/keys/" + f.keyId)),
                on("GET /api/v1/keys/{id}", 406, f -> as(Key.ADMIN).at("/api/v1/keys/" + f.keyId).accept(IMAGE)),
                on("DELETE /api/v1/keys/{id}", 204, f -> as(Key.ADMIN).at("/api/v1/keys/" + f.newKeyId())),
                on("DELETE /api/v1/keys/{id}", 404, f -> as(Key.ADMIN).at("/api/v1/keys/999999999")),
                on("DELETE /api/v1/keys/{id}", 401, f -> as(Key.NONE).at("/api/v1/keys/" + f.keyId)),
                on("DELETE /api/v1/keys/{id}", 403, f -> as(Key.EDITOR).at("/api/v1/keys/" + f.keyId)),
                on("DELETE /api/v1/keys/{id}", 406, f -> as(Key.ADMIN).at("/api/v1/keys/999999999").accept(IMAGE)),
                on("GET /api/v1/audit-events", 200, f -> as(Key.ADMIN).at("/api/v1/audit-events?limit=5")),
                on("GET /api/v1/audit-events", 400, f -> as(Key.ADMIN).at("/api/v1/audit-events?since=yesterday")),
                on("GET /api/v1/audit-events", 401, f -> as(Key.NONE)),
                on("GET /api/v1/audit-events", 403, f -> as(Key.EDITOR)),
                on("GET /api/v1/audit-events", 406, f -> as(Key.ADMIN).accept(IMAGE)),

                // Operations
                on("GET /api/v1/database-backup", TestData.onPostgresql() ? 409 : 200, f -> as(Key.ADMIN)),
                on("GET /api/v1/database-backup", 401, f -> as(Key.NONE)),
                on("GET /api/v1/database-backup", 403, f -> as(Key.EDITOR)),
                on("GET /api/v1/database-backup", 406, f -> as(Key.ADMIN).accept(IMAGE)),

                // Problem types
                on("GET /problems", 200, f -> as(Key.NONE)),
                on("GET /problems", 304, f -> as(Key.NONE).revalidated()),
                on("GET /problems", 406, f -> as(Key.NONE).accept(IMAGE)),
                on("GET /problems/{type}", 200, f -> as(Key.NONE).at("/problems/not-found")),
                on("GET /problems/{type}", 304, f -> as(Key.NONE).at("/problems/not-found").revalidated()),
                on("GET /problems/{type}", 404, f -> as(Key.NONE).at("/problems/" + NO_SUCH)),
                on("GET /problems/{type}", 406, f -> as(Key.NONE).at("/problems/not-found").accept(IMAGE)));
    }

    private static final List<String> CACHING_HEADERS = List.of("ETag", "Last-Modified", "Cache-Control");
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String NDJSON_UTF8 = NDJSON + "; charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractDocument document;

    /**
     * Scenarios made from the document rather than written in the table, so that an operation added to it is covered
     * without a line: every operation refuses an API key sent in the URL (KeysInUrlFilter) with 400, and a query
     * parameter it does not take (UnknownQueryParameters) with 400, for a caller it would otherwise answer; every
     * operation open to all refuses a key sent in Authorization that no one holds with 401. Each requests the
     * operation's path with existing fixtures filled in ({@link Fixtures#existing}), and its answer must be the problem
     * about the key, not some other 400 or 401 the same request could meet.
     */
    /**
     * Operations marked {@code @TakesAnyQueryParameter}: OAI-PMH answers an argument a verb does not take with its own
     * {@code badArgument}, in the document, with status 200 (OaiPmhTest checks it).
     */
    private static final Set<String> ANSWER_UNKNOWN_PARAMETERS_THEMSELVES = Set.of("GET /oai", "POST /oai");

    static List<Scenario> generatedScenarios(ContractDocument document) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String operation : document.operations()) {
            String template = operation.substring(operation.indexOf(' ') + 1);
            scenarios.add(on(operation, 400, f -> as(Key.NONE).at(f.existing(template) + "?api_key=" + UNKNOWN_KEY)
                    .saying("never in the URL")));
            // With a body of the operation's media type, if it takes one (else the 415 would come first); the query is
            // refused before the body is read.
            Key caller = document.isOpenToAll(operation) ? Key.NONE : Key.ADMIN;
            String bodyType = document.requestMediaType(operation);
            if (!ANSWER_UNKNOWN_PARAMETERS_THEMSELVES.contains(operation)) {
                scenarios.add(on(operation, 400, f -> {
                    Call call = as(caller).at(f.existing(template) + "?contry=GB").saying("is not taken by this operation");
                    return bodyType == null ? call : call.body(bodyType, "{}");
                }));
            }
            if (document.isOpenToAll(operation)) {
                scenarios.add(on(operation, 401, f -> as(Key.NONE).at(f.existing(template))
                        .header("Authorization", "Bearer " + UNKNOWN_KEY).saying("The API key is unknown, revoked or expired.")));
            }
        }
        return scenarios;
    }

    private List<Scenario> everyScenario() {
        List<Scenario> scenarios = new ArrayList<>(scenarios());
        scenarios.addAll(generatedScenarios(document));
        return scenarios;
    }

    @BeforeEach
    void readTheDocument() {
        document = ContractDocument.load();
    }

    @Test
    void everyRouteTheServiceAnswersIsDocumentedAndEveryDocumentedOperationIsARoute() {
        ServedRoutes served = ServedRoutes.scan();
        assertEquals(List.of(), served.unreadable(), "routes the scan cannot read");
        Set<String> documented = document.operations();
        Set<String> undocumented = new TreeSet<>(served.routes());
        undocumented.removeAll(documented);
        undocumented.removeAll(UNDOCUMENTED_ROUTES.keySet());
        Set<String> unanswered = new TreeSet<>(documented);
        unanswered.removeAll(served.routes());
        assertEquals(Set.of(), undocumented, "routes the service answers that the OpenAPI "
                + "document does not have: document them, or list them in UNDOCUMENTED_ROUTES with the reason");
        assertEquals(Set.of(), unanswered, "operations in the OpenAPI document that no resource method answers");
        // Seen from the outside too: the routes the document leaves out are really Quarkus' own.
        // With a monitor key, which the metrics need and the others ignore.
        UNDOCUMENTED_ROUTES.keySet().forEach(route -> given().redirects().follow(true)
                .header("Authorization", "Bearer " + TestKeys.monitor())
                .when().get(route.substring("GET ".length())).then().statusCode(200));
    }

    @Test
    void everyDocumentedStatusHasAScenarioOrAReasonToHaveNone() {
        Map<String, String> problems = new TreeMap<>();
        Set<String> covered = new TreeSet<>();
        for (Scenario scenario : everyScenario()) {
            covered.add(scenario.pair());
            if (!document.operations().contains(scenario.operation())) {
                problems.put(scenario.pair(), "a scenario for an operation the document does not have");
            } else if (!document.statuses(scenario.operation()).contains(scenario.status())) {
                problems.put(scenario.pair(), "a scenario expects a status the document does not give this operation");
            }
            if (UNTRIGGERABLE.containsKey(scenario.pair()) || UNTRIGGERABLE_EVERYWHERE.containsKey(scenario.status())) {
                problems.put(scenario.pair(), "has a scenario, so it is not untriggerable: take it off the list");
            }
        }
        Set<String> documented = new TreeSet<>();
        for (String operation : document.operations()) {
            for (int status : document.statuses(operation)) {
                String pair = operation + " " + status;
                documented.add(pair);
                if (!covered.contains(pair) && !UNTRIGGERABLE.containsKey(pair) && !UNTRIGGERABLE_EVERYWHERE.containsKey(status)) {
                    problems.put(pair, "documented, but no scenario produces it: add one to ContractTest.scenarios()");
                }
            }
        }
        UNTRIGGERABLE.keySet().stream().filter(pair -> !documented.contains(pair))
                .forEach(pair -> problems.put(pair, "listed as untriggerable, but not documented: take it off the list"));
        assertEquals(Map.of(), problems);
    }

    @Test
    void everyScenarioGetsItsDocumentedStatusWithABodyTheDocumentDescribes() throws IOException {
        Fixtures fixtures = new Fixtures();
        List<String> failures = new ArrayList<>();
        Set<String> served = new TreeSet<>();
        for (Scenario scenario : everyScenario()) {
            Call call = scenario.request().apply(fixtures);
            String path = call.path != null ? call.path : scenario.template();
            Response response = call.send(scenario.method(), path);
            String where = scenario.method() + " " + path.substring(0, Math.min(path.length(), 120)) + " (" + scenario.pair() + ")";
            int status = response.statusCode();
            if (!document.statuses(scenario.operation()).contains(status)) {
                failures.add(where + ": answered " + status + ", which the document does not give " + scenario.operation()
                        + " (" + abbreviate(response.asString()) + ")");
                continue;
            }
            if (status != scenario.status()) {
                failures.add(where + ": expected " + scenario.status() + ", answered " + status + " ("
                        + abbreviate(response.asString()) + ")");
                continue;
            }
            if (call.saying != null && !response.asString().contains(call.saying)) {
                failures.add(where + ": the answer does not say \"" + call.saying + "\" (" + abbreviate(response.asString()) + ")");
            }
            if ((status == 201 || status == 308) && response.header("Location") == null) {
                failures.add(where + ": " + status + " without a Location header");
            }
            failures.addAll(checkBody(where, document.content(scenario.operation(), status), response));
            if (scenario.method().equals("GET") && call.key == Key.NONE && (status == 200 || status == 304)) {
                failures.addAll(checkCachingHeaders(where, document.headers(scenario.operation(), status), response));
            }
            served.add(scenario.pair() + " " + mediaType(response));
        }
        // A success documented in several media types (CSV and NDJSON, JSON-LD) needs a scenario that gets each.
        for (String operation : document.operations()) {
            for (int status : document.statuses(operation)) {
                if (status >= 200 && status < 300) {
                    for (String mediaType : document.content(operation, status).keySet()) {
                        if (!served.contains(operation + " " + status + " " + mediaType)
                                && !UNTRIGGERABLE.containsKey(operation + " " + status)) {
                            failures.add(operation + " " + status + ": no scenario gets the documented " + mediaType);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " scenarios got what the document does not describe");
    }

    /**
     * The check below is only as good as the validator: it must see through $refs, refuse what breaks a schema and
     * find members the document does not mention.
     */
    @Test
    void theValidatorRefusesBodiesThatBreakTheirSchemaOrCarryUndocumentedMembers() throws IOException {
        Map<String, String> notFound = document.content("GET /api/v1/approaches/{slug}", 404);
        String problem = notFound.get("application/problem+json");
        assertEquals(List.of(), document.violations(problem, JSON.readTree(
                "{\"type\": \"/problems/not-found\", \"title\": \"Not found\", \"status\": 404}")));
        assertEquals(1, document.violations(problem, JSON.readTree("{\"status\": \"404\"}")).size());
        assertEquals(1, document.violations(problem, JSON.readTree("{\"errors\": [{\"field\": 7}]}")).size(),
                "a schema reached through a $ref inside another");
        String page = document.content("GET /api/v1/approaches", 200).get("application/json");
        assertEquals(1, document.violations(page, JSON.readTree("{\"items\": \"none\"}")).size());
        // An inline schema is reached by its place in the document, whose path may hold braces.
        String inPath = "/paths/~1api~1v1~1approaches~1{slug}/get/responses/200/content/application~1json/schema";
        assertEquals(List.of(), document.violations(inPath, JSON.readTree("{\"slug\": \"school-linking\"}")));
        assertEquals(1, document.violations(inPath, JSON.readTree("{\"slug\": 7}")).size());
        assertEquals(List.of("$.stackTrace", "$.errors[0].exception"), document.undocumentedMembers(problem, JSON.readTree(
                "{\"status\": 500, \"stackTrace\": \"\", \"errors\": [{\"field\": \"x\", \"exception\": \"\"}]}")));
    }

    /** The body is of a documented media type, and a JSON one matches its schema; no body where none is documented. */
    private List<String> checkBody(String where, Map<String, String> content, Response response) throws IOException {
        String body = response.asString();
        if (content.isEmpty()) {
            return body.isEmpty() ? List.of() : List.of(where + ": a body where the document has none: " + abbreviate(body));
        }
        String contentType = mediaType(response);
        String pointer = content.get(contentType);
        if (pointer == null) {
            return List.of(where + ": Content-Type \"" + response.contentType() + "\", but the document has " + content.keySet());
        }
        List<JsonNode> values = new ArrayList<>();
        if (contentType.equals(NDJSON)) {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    values.add(JSON.readTree(line));
                }
            }
        } else if (contentType.equals("application/json") || contentType.endsWith("+json")) {
            values.add(JSON.readTree(body));
        } else {
            values.add(JSON.getNodeFactory().textNode(body)); // CSV, Atom: documented as a string
        }
        List<String> failures = new ArrayList<>();
        for (JsonNode value : values) {
            document.violations(pointer, value).forEach(violation -> failures.add(where + ": " + violation));
            if (!value.isTextual()) {
                document.undocumentedMembers(pointer, value).forEach(member -> failures.add(where + ": " + member
                        + " is not in the document"));
            }
        }
        return failures;
    }

    /**
     * An anonymous read answers with the validators and cache policy its response documents, and with no other: a
     * client or CDN plans its caching by them (an answer with a key is always {@code no-store}, said once for all).
     */
    private static List<String> checkCachingHeaders(String where, Set<String> documented, Response response) {
        List<String> failures = new ArrayList<>();
        for (String header : CACHING_HEADERS) {
            boolean sent = response.header(header) != null;
            boolean described = documented.contains(header.toLowerCase(Locale.ROOT));
            if (sent && !described) {
                failures.add(where + ": sends " + header + ": " + response.header(header) + ", which its response does not document");
            } else if (described && !sent) {
                failures.add(where + ": its response documents " + header + ", but none was sent");
            }
        }
        return failures;
    }

    private static String mediaType(Response response) {
        return response.contentType() == null ? "" : response.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    // --- The scenario table's vocabulary ---

    /** One request that should get {@code status} from the documented {@code operation} ("METHOD /path"). */
    record Scenario(String operation, int status, Function<Fixtures, Call> request) {
        String method() {
            return operation.substring(0, operation.indexOf(' '));
        }

        String template() {
            return operation.substring(operation.indexOf(' ') + 1);
        }

        String pair() {
            return operation + " " + status;
        }
    }

    static Scenario on(String operation, int status, Function<Fixtures, Call> request) {
        return new Scenario(operation, status, request);
    }

    enum Key {
        NONE(() -> null),
        CURATOR(TestKeys::curator),
        EDITOR(TestKeys::editor),
        ADMIN(TestKeys::admin);

        private final Supplier<String> key;

        Key(Supplier<String> key) {
            this.key = key;
        }
    }

    static Call as(Key key) {
        return new Call(key);
    }

    /** A request, said the way the table reads. */
    static final class Call {
        private final Key key;
        private String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String contentType;
        private String body;
        private String saying;
        private boolean revalidated;

        private Call(Key key) {
            this.key = key;
        }

        Call at(String concretePath) {
            this.path = concretePath;
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call accept(String mediaType) {
            return header("Accept", mediaType);
        }

        /** {@code If-Match: *}: write whatever version is there. */
        Call anyVersion() {
            return header("If-Match", "*");
        }

        /** The answer's body must contain this text: it is the answer meant, not another with the same status. */
        Call saying(String text) {
            this.saying = text;
            return this;
        }

        /** A conditional GET: If-None-Match with the ETag that a first GET of the same URL, with the same key, got. */
        Call revalidated() {
            this.revalidated = true;
            return this;
        }

        Call json(Object value) {
            try {
                return body("application/json", JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }

        Call body(String type, String text) {
            this.contentType = type;
            this.body = text;
            return this;
        }

        Response send(String method, String target) {
            if (revalidated) {
                RequestSpecification firstRequest = request();
                headers.forEach(firstRequest::header);
                Response first = firstRequest.when().get(target.replace(" ", "%20")).andReturn();
                String etag = first.header("ETag");
                if (etag == null) {
                    return first; // answered without a tag to revalidate: the check reports this answer
                }
                headers.put("If-None-Match", etag);
            }
            RequestSpecification request = request();
            headers.forEach(request::header);
            if (body != null) {
                request.contentType(contentType);
                if (contentType.equals(FORM)) {
                    request.body(body); // REST Assured sends a form's body from text only
                } else {
                    request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return request.when().request(method, target.replace(" ", "%20")).andReturn();
        }

        /** Redirects are answers to check, not to follow; the URL is sent as written in the table. */
        private RequestSpecification request() {
            RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false);
            String secret = key.key.get();
            if (secret != null) {
                request.header("Authorization", "Bearer " + secret);
            }
            return request;
        }
    }

    private static Map<String, Object> approach(String slug) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Contract test approach " + slug);
        body.put("definition", "An approach made by the contract test.");
        return body;
    }

    /** The concept the contract test maps its approaches to: one no seed mapping reaches. */
    private static final String FRAMEWORK_MAPPINGS = "/api/v1/frameworks/sdg/17.18/mappings";

    /** evidence.webhooks.max-per-owner in the test profile and for the packaged jar under test. */
    static final int WEBHOOKS_PER_OWNER = 10;

    /** A webhook subscription filtered to an approach only the contract test's case studies have. */
    static Map<String, Object> webhookInput(String url, String approach) {
        return Map.of("url", url, "filters", Map.of("approach", List.of(approach)), "description", "Made by the contract test");
    }

    private static final String SAVED_SEARCHES = "/api/v1/feeds/searches";

    /** A map of name, value pairs, beyond the ten of Map.of. */
    private static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Map.copyOf(map);
    }

    private static Map<String, Object> savedSearch(String approach) {
        return Map.of("title", "Contract test search", "parameters", Map.of("approach", List.of(approach)));
    }

    private static Map<String, Object> frameworkMapping(String approach) {
        return Map.of("approach", approach, "relation", "relatedMatch");
    }

    private static Map<String, Object> outcomeGroup(String slug) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Contract test group " + slug);
        body.put("definition", "A group of outcome domains made by the contract test.");
        return body;
    }

    private static Map<String, Object> key() {
        return Map.of("name", TestData.unique("contract"), "owner", "Contract test", "role", "curator");
    }

    /**
     * What the scenarios act on, made once per run through the API: a published case study (only read, or refused),
     * one that scenarios change, a withdrawn one, the old slug of a renamed one, a tag in use and a key.
     */
    static final class Fixtures {
        final String approach;
        final String outcomeGroup;
        final String published;
        final String editable;
        final String withdrawn;
        final String oldSlug;
        final long keyId;
        /** A mapping of the fixture approach to the contract test's concept. */
        final long frameworkMapping;
        /** A webhook subscription of the editor (to a port where nothing listens), one of its deliveries, an ended one. */
        final long webhook;
        final long webhookDelivery;
        final long endedWebhook;
        /** An editor key whose owner has as many webhook subscriptions as allowed. */
        final String crowdedEditor;
        /** The id of a saved search of the fixture approach. */
        final String savedSearch;

        Fixtures() {
            approach = newApproach();
            outcomeGroup = given().header("Authorization", "Bearer " + TestKeys.editor()).contentType("application/json")
                    .body(outcomeGroup(TestData.unique("group"))).when().post("/api/v1/outcome-domains")
                    .then().statusCode(201).extract().path("slug");
            published = create(Key.EDITOR, TestData.caseStudy(approach));
            editable = create(Key.EDITOR, TestData.caseStudy(approach));
            // A curator's case study, published and then withdrawn by an editor: 410 to everyone, and its curator
            // still sees its history, as 410. (Withdrawn before it was ever published, it would be 404 to others.)
            withdrawn = newDraft();
            given().header("Authorization", "Bearer " + TestKeys.editor()).contentType("application/json")
                    .body(Map.of("action", "publish")).when().post(one(withdrawn) + "/transitions").then().statusCode(200);
            given().header("Authorization", "Bearer " + TestKeys.editor()).header("If-Match", "*")
                    .when().delete(one(withdrawn)).then().statusCode(204);
            oldSlug = create(Key.EDITOR, TestData.caseStudy(approach));
            given().header("Authorization", "Bearer " + TestKeys.editor()).header("If-Match", "*")
                    .contentType("application/json").body(caseStudyWithSlug(TestData.unique("renamed")))
                    .when().put(one(oldSlug)).then().statusCode(200);
            keyId = newKeyId();
            frameworkMapping = newFrameworkMapping(approach);
            webhook = newWebhook(TestKeys.editor(), "http://127.0.0.1:9/contract");
            webhookDelivery = ((Number) given().header("Authorization", "Bearer " + TestKeys.editor())
                    .when().post("/api/v1/webhooks/" + webhook + "/test").then().statusCode(202).extract().path("id")).longValue();
            endedWebhook = endedWebhook();
            crowdedEditor = TestKeys.create("editor", TestData.unique("Contract test crowd"));
            savedSearch = given().contentType("application/json").body(savedSearch(approach))
                    .when().post(SAVED_SEARCHES).then().statusCode(201).extract().path("id");
            for (int i = 0; i < WEBHOOKS_PER_OWNER; i++) {
                newWebhook(crowdedEditor, "http://127.0.0.1:9/crowd");
            }
        }

        /**
         * A subscription filtered to the fixture approach, so that the suite's other writes queue nothing for it, paused
         * so that nothing is sent; its id.
         */
        long newWebhook(String key, String url) {
            long id = ((Number) given().header("Authorization", "Bearer " + key).contentType("application/json")
                    .body(webhookInput(url, approach)).when().post("/api/v1/webhooks").then().statusCode(201)
                    .extract().path("id")).longValue();
            given().header("Authorization", "Bearer " + key).when().post("/api/v1/webhooks/" + id + "/pause")
                    .then().statusCode(200);
            return id;
        }

        /** A subscription ended by its receiver's 410 Gone: a receiver that answers only that, for one test event. */
        private long endedWebhook() {
            try {
                com.sun.net.httpserver.HttpServer gone = com.sun.net.httpserver.HttpServer.create(
                        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
                gone.createContext("/", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(410, -1);
                    exchange.close();
                });
                gone.start();
                try {
                    long id = ((Number) given().header("Authorization", "Bearer " + TestKeys.editor())
                            .contentType("application/json").body(webhookInput("http://127.0.0.1:"
                                    + gone.getAddress().getPort() + "/gone", approach))
                            .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id")).longValue();
                    given().header("Authorization", "Bearer " + TestKeys.editor()).when().post("/api/v1/webhooks/" + id + "/test")
                            .then().statusCode(202);
                    for (int i = 0; i < 200; i++) {
                        if ("ended".equals(given().header("Authorization", "Bearer " + TestKeys.editor())
                                .when().get("/api/v1/webhooks/" + id).then().extract().path("status"))) {
                            return id;
                        }
                        Thread.sleep(100);
                    }
                    throw new IllegalStateException("The webhook to a receiver answering 410 did not end");
                } finally {
                    gone.stop(0);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A new saved search, of a new approach. */
        String newSavedSearch() {
            return given().contentType("application/json").body(savedSearch(newApproach()))
                    .when().post(SAVED_SEARCHES).then().statusCode(201).extract().path("id");
        }

        /**
         * The documented path with each parameter set to an existing fixture, for the scenarios made from the
         * document; a parameter no fixture fills stops the test, naming it.
         */
        String existing(String template) {
            Map<String, String> values = Map.ofEntries(
                    Map.entry("approaches/{slug}", approach),
                    Map.entry("outcome-domains/{slug}", "bridges"),
                    Map.entry("case-studies/{slug}", published),
                    Map.entry("revisions/{number}", "1"),
                    Map.entry("versions/{version}", "0"),
                    Map.entry("keys/{id}", Long.toString(keyId)),
                    Map.entry("frameworks/{scheme}", "sdg"),
                    Map.entry("{scheme}/{code}", "17.18"),
                    Map.entry("mappings/{mapping}", Long.toString(frameworkMapping)),
                    Map.entry("webhooks/{id}", Long.toString(webhook)),
                    Map.entry("deliveries/{delivery}", Long.toString(webhookDelivery)),
                    Map.entry("searches/{id}", savedSearch),
                    Map.entry("searches/{id}.atom", savedSearch + ".atom"),
                    Map.entry("problems/{type}", "not-found"));
            String[] segments = template.split("/");
            StringBuilder path = new StringBuilder();
            for (int i = 1; i < segments.length; i++) {
                String segment = segments[i];
                if (segment.startsWith("{")) {
                    String parameter = segments[i - 1] + "/" + segment;
                    segment = values.get(parameter);
                    if (segment == null) {
                        throw new IllegalStateException("No fixture fills " + parameter + " in " + template
                                + ": add one to ContractTest.Fixtures.existing");
                    }
                }
                path.append('/').append(segment);
            }
            return path.toString();
        }

        String one(String slug) {
            return "/api/v1/case-studies/" + slug;
        }

        /** A valid case study body with this slug, tagged with the fixture approach. */
        Map<String, Object> caseStudyWithSlug(String slug) {
            Map<String, Object> body = TestData.caseStudy(approach);
            body.put("slug", slug);
            return body;
        }

        String importLine(String slug) {
            Map<String, Object> row = caseStudyWithSlug(slug);
            row.put("status", "draft");
            try {
                return JSON.writeValueAsString(row) + "\n";
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }

        String newOutcomeGroup() {
            return given().header("Authorization", "Bearer " + TestKeys.editor()).contentType("application/json")
                    .body(outcomeGroup(TestData.unique("group"))).when().post("/api/v1/outcome-domains")
                    .then().statusCode(201).extract().path("slug");
        }

        /** A new mapping, of a new approach, to the contract test's concept. */
        long newFrameworkMapping() {
            return newFrameworkMapping(newApproach());
        }

        private long newFrameworkMapping(String approach) {
            return ((Number) given().header("Authorization", "Bearer " + TestKeys.editor()).contentType("application/json")
                    .body(frameworkMapping(approach)).when().post(FRAMEWORK_MAPPINGS)
                    .then().statusCode(201).extract().path("id")).longValue();
        }

        String newApproach() {
            return given().header("Authorization", "Bearer " + TestKeys.editor()).contentType("application/json")
                    .body(approach(TestData.unique("approach"))).when().post("/api/v1/approaches")
                    .then().statusCode(201).extract().path("slug");
        }

        String newCaseStudy() {
            return create(Key.EDITOR, TestData.caseStudy(approach));
        }

        String newDraft() {
            return create(Key.CURATOR, TestData.caseStudy(approach));
        }

        long newKeyId() {
            return ((Number) given().header("Authorization", "Bearer " + TestKeys.admin()).contentType("application/json")
                    .body(key()).when().post("/api/v1/keys")
                    .then().statusCode(201).extract().path("details.id")).longValue();
        }

        private static String create(Key key, Map<String, Object> body) {
            return given().header("Authorization", "Bearer " + key.key.get()).contentType("application/json").body(body)
                    .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
        }
    }
}
