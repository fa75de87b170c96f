package org.integrationevidence.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.unique;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/** Keys, roles and who sees what: every request here says which key it carries, if any. */
@QuarkusTest
class AccessTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";
    private static final String KEYS = "/api/v1/keys";
    private static final String SEEDED = "linking-network-school-linking";

    @Test
    void writingWithoutAKeyIs401WithAChallenge() {
        given().contentType(ContentType.JSON).body(caseStudy("sport")).when().post(CASE_STUDIES)
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"))
                .body("status", equalTo(401));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "definition", "y"))
                .when().post("/api/v1/approaches").then().statusCode(401);
        given().when().delete(CASE_STUDIES + "/" + SEEDED).then().statusCode(401);
        given().when().get(KEYS).then().statusCode(401);
    }

    @Test
    void anUnknownOrMalformedKeyIs401EvenWhereNoKeyIsNeeded() {
        given().spec(bearer("iek_" + "x".repeat(43))).when().get(CASE_STUDIES)
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"))
                .body("detail", containsString("unknown, revoked or expired"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get(CASE_STUDIES)
                .then().statusCode(401).body("detail", containsString("Bearer"));
        given().header("Authorization", "Bearer ").when().get(CASE_STUDIES).then().statusCode(401);
    }

    @Test
    void aKeyInTheUrlIsRefused() {
        String key = TestKeys.curator();
        given().queryParam("api_key", key).when().get(CASE_STUDIES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Authorization header"))
                .body("errors[0].field", equalTo("api_key"));
        given().queryParam("q", key).when().get(CASE_STUDIES).then().statusCode(400);
        given().queryParam("access_token", "anything").when().get("/api/v1/approaches").then().statusCode(400);
    }

    @Test
    void aValidKeyWithoutTheRoleIs403() {
        String curator = TestKeys.curator();
        given().spec(bearer(curator)).when().delete(CASE_STUDIES + "/" + SEEDED)
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(Map.of("name", "x", "definition", "y"))
                .when().post("/api/v1/approaches").then().statusCode(403);
        given().spec(bearer(curator)).when().get(KEYS).then().statusCode(403);
        given().spec(bearer(TestKeys.editor())).when().get(KEYS).then().statusCode(403);
        given().spec(bearer(TestKeys.editor())).when().get(CASE_STUDIES).then().statusCode(200);
    }

    @Test
    void curatorsWriteDraftsThatOnlyTheyAndEditorsCanSee() {
        String curator = TestKeys.curator();
        String otherCurator = TestKeys.create("curator", "Another curator");
        Map<String, Object> body = caseStudy("sport");
        body.remove("status");
        String slug = given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).body("status", equalTo("draft")).extract().path("slug");

        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        given().spec(bearer(otherCurator)).when().get(CASE_STUDIES + "/" + slug).then().statusCode(404);
        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200);
        given().spec(bearer(TestKeys.editor())).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200);
        given().queryParam("q", "\"A test case study\"").queryParam("limit", "100").when().get(CASE_STUDIES)
                .then().statusCode(200).body("items.slug", not(hasItem(slug)));

        // Another curator cannot even tell that the draft exists; its owner can edit it.
        body.put("slug", slug);
        given().spec(bearer(otherCurator)).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(404);
        body.put("title", "Edited by its curator");
        given().spec(bearer(curator)).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).body("title", equalTo("Edited by its curator")).body("status", equalTo("draft"));
    }

    @Test
    void curatorsCannotPublishOrEditPublishedCaseStudies() {
        String curator = TestKeys.curator();
        Map<String, Object> body = caseStudy("sport");
        body.put("status", "published");
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(400).body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("only editors publish"));

        String published = given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(caseStudy("sport"))
                .when().post(CASE_STUDIES).then().statusCode(201).body("status", equalTo("published")).extract().path("slug");
        Map<String, Object> edit = caseStudy("sport");
        edit.put("slug", published);
        edit.remove("status");
        given().spec(bearer(curator)).header("If-Match", "*").contentType(ContentType.JSON).body(edit)
                .when().put(CASE_STUDIES + "/" + published)
                .then().statusCode(403).body("detail", containsString("own drafts"));
    }

    @Test
    void ownerAndServerFieldsCannotBeSent() {
        Map<String, Object> body = caseStudy("sport");
        body.put("owner", "Someone else");
        given().spec(bearer(TestKeys.curator())).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(400).body("errors[0].field", equalTo("owner"));
    }

    @Test
    void adminsCreateListAndRevokeKeysAndTheKeyIsShownOnce() {
        String admin = TestKeys.admin();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", unique("import"));
        input.put("owner", "Jane Smith, Bradford Council");
        input.put("role", "curator");
        Response created = given().spec(bearer(admin)).contentType(ContentType.JSON).body(input).when().post(KEYS)
                .then().statusCode(201)
                .header("Location", containsString(KEYS + "/"))
                .body("key", startsWith("iek_"))
                .body("details.role", equalTo("curator"))
                .body("details.active", equalTo(true))
                .body("details.lastUsedAt", nullValue())
                .extract().response();
        String key = created.path("key");
        int id = created.path("details.id");
        assertTrue(key.length() >= 47, "256 random bits behind the prefix");

        given().spec(bearer(key)).contentType(ContentType.JSON).body(caseStudy("sport")).when().post(CASE_STUDIES)
                .then().statusCode(201);
        String listed = given().spec(bearer(admin)).when().get(KEYS).then().statusCode(200)
                .body("items.id", hasItem(id)).extract().asString();
        assertFalse(listed.contains(key), "a key is never shown again");
        given().spec(bearer(admin)).when().get(KEYS + "/" + id).then().statusCode(200)
                .body("prefix", equalTo(key.substring(0, 8))).body("lastUsedAt", notNullValue()).body("key", nullValue());

        given().spec(bearer(admin)).when().delete(KEYS + "/" + id).then().statusCode(204);
        given().spec(bearer(key)).when().get(CASE_STUDIES).then().statusCode(401);
        given().spec(bearer(admin)).when().get(KEYS + "/" + id).then().statusCode(200)
                .body("active", equalTo(false)).body("revokedAt", notNullValue());
        given().spec(bearer(admin)).when().delete(KEYS + "/" + id).then().statusCode(204);
        given().spec(bearer(admin)).when().get(KEYS + "/999999999").then().statusCode(404);
    }

    @Test
    void keysExpire() throws InterruptedException {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", unique("short-lived"));
        input.put("owner", "A test");
        input.put("role", "curator");
        input.put("expiresAt", Instant.now().plusSeconds(2).toString());
        String key = given().spec(bearer(TestKeys.admin())).contentType(ContentType.JSON).body(input).when().post(KEYS)
                .then().statusCode(201).extract().path("key");
        given().spec(bearer(key)).when().get(CASE_STUDIES).then().statusCode(200);
        Thread.sleep(2500);
        given().spec(bearer(key)).when().get(CASE_STUDIES).then().statusCode(401);

        input.put("expiresAt", "2001-01-01T00:00:00Z");
        given().spec(bearer(TestKeys.admin())).contentType(ContentType.JSON).body(input).when().post(KEYS)
                .then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void badKeyRequestsAreProblems() {
        given().spec(bearer(TestKeys.admin())).contentType(ContentType.JSON).body(Map.of("name", "x", "owner", "y", "role", "root"))
                .when().post(KEYS).then().statusCode(400).contentType("application/problem+json");
        given().spec(bearer(TestKeys.admin())).contentType(ContentType.JSON).body(Map.of("name", "", "owner", "y", "role", "admin"))
                .when().post(KEYS).then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().spec(bearer(TestKeys.admin())).when().get(KEYS + "/abc").then().statusCode(404);
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndKeyedOnesAreNeverStored() {
        given().when().get(CASE_STUDIES).then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", not(containsString("no-store")));
        given().spec(bearer(TestKeys.curator())).when().get(CASE_STUDIES).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        given().spec(bearer("iek_" + "y".repeat(43))).when().get(CASE_STUDIES).then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void otherOriginsMayReadAnonymouslyButNotWriteOrSendKeys() {
        given().header("Origin", "https://council.example").when().get(CASE_STUDIES).then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Credentials", nullValue());
        String allowedMethods = given().header("Origin", "https://council.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options(CASE_STUDIES).then().extract().header("Access-Control-Allow-Methods");
        assertTrue(allowedMethods == null || !allowedMethods.contains("POST"), "POST offered to other origins: " + allowedMethods);
        String allowedHeaders = given().header("Origin", "https://council.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options(CASE_STUDIES).then().extract().header("Access-Control-Allow-Headers");
        assertTrue(allowedHeaders == null || !allowedHeaders.toLowerCase().contains("authorization"),
                "Authorization offered to other origins: " + allowedHeaders);
    }

    /**
     * Every operation of the OpenAPI document keeps its rule: those that declare the apiKey security requirement
     * refuse anonymous callers with 401 and document 401, and 403 unless a curator's key (the lowest role) may call
     * them; the others answer anonymous callers. An endpoint added without an access annotation is denied to everyone
     * (deny-unannotated-endpoints), so it fails here too.
     */
    /** The operations other than GET that need no key, each with its reason. */
    private static final Map<String, String> PUBLIC_WRITES = Map.of(
            "POST /oai", "OAI-PMH lets a harvester send its arguments as a form: a POST that only reads",
            "POST /api/v1/feeds/searches", "saving a search is how a person without a key gets a feed to subscribe to; "
                    + "it writes only a search's filters, under an id made from them (the same search is one row), the "
                    + "store is bounded (evidence.feeds.max-saved-searches) and the rate limits of anonymous requests apply");

    @Test
    void everyDocumentedOperationKeepsItsAccessRule() throws Exception {
        JsonNode document = TestData.openApiDocument();
        List<String> checked = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String method = operation.getKey().toUpperCase();
            String url = path.getKey().replace("{slug}", SEEDED).replace("{id}", "1").replaceAll("\\{[^}]+}", "validation");
            boolean secured = operation.getValue().has("security");
            JsonNode content = operation.getValue().path("requestBody").path("content");
            String contentType = content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
            int status = given().contentType(contentType).body(method.equals("GET") ? "" : "{}")
                    .when().request(method, url).then().extract().statusCode();
            if (secured) {
                assertTrue(status == 401, method + " " + path.getKey() + " needs a key but answered " + status);
                JsonNode responses = operation.getValue().get("responses");
                assertTrue(responses.has("401"), method + " " + path.getKey() + " must document 401");
                if (!responses.has("403")) {
                    // Left out only where the lowest role, which every key holds, may call it (OpenApiConventions).
                    int asCurator = given().spec(TestKeys.bearer(TestKeys.curator())).contentType(contentType)
                            .body(method.equals("GET") ? "" : "{}").when().request(method, url).then().extract().statusCode();
                    assertTrue(asCurator != 403, method + " " + path.getKey() + " refuses a curator's key but does not document 403");
                }
            } else {
                assertTrue(status != 401 && status != 403, method + " " + path.getKey() + " is public but answered " + status);
                assertTrue(method.equals("GET") || PUBLIC_WRITES.containsKey(method + " " + path.getKey()),
                        method + " " + path.getKey() + " writes without a key");
            }
            checked.add(method + " " + path.getKey());
        }));
        assertTrue(checked.size() >= 15, "checked " + checked);
    }

    /**
     * A draft belongs to its owner, not to the key that wrote it: the keys an admin gives one owner (a second
     * machine, a replacement) share the owner's drafts, and keys of another owner never see them.
     */
    @Test
    void draftsBelongToTheirOwnerAndEveryKeyOfIt() {
        String owner = org.integrationevidence.TestData.unique("owner");
        String first = TestKeys.create("curator", owner);
        String second = TestKeys.create("curator", owner);
        String stranger = TestKeys.create("curator", owner + " (another)");
        java.util.Map<String, Object> body = org.integrationevidence.TestData.caseStudy("sport");
        String slug = given().spec(bearer(first)).contentType("application/json").body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).body("status", equalTo("draft")).extract().path("slug");
        given().spec(bearer(second)).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200);
        body.put("slug", slug);
        body.put("title", "Changed with the owner's second key");
        given().spec(bearer(second)).header("If-Match", "*").contentType("application/json").body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(200);
        given().spec(bearer(stranger)).when().get(CASE_STUDIES + "/" + slug).then().statusCode(404);
        given().spec(bearer(stranger)).header("If-Match", "*").contentType("application/json").body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(404);
    }
}
