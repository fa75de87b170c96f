package org.integrationevidence.casestudy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.integrationevidence.TestData.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.CsvAssertions;
import org.integrationevidence.TestData;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ActingAs(Role.EDITOR)
class CaseStudyResourceTest {

    @Test
    void schoolLinkingFindsBradfordInTheSeedData() {
        given().queryParam("approach", "school-linking")
                .when().get("/api/v1/case-studies")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("items.place.name", hasItem("Bradford"))
                .body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void aCaseStudyGoesThroughCreateReadReplaceAndWithdraw() {
        String approach = createApproach(null);
        Map<String, Object> body = caseStudy(approach);
        String slug = (String) body.get("slug");

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/case-studies")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/case-studies/" + slug))
                .body("slug", equalTo(slug))
                .body("title", equalTo("A test case study"))
                .body("bodyHtml", equalTo("<p>It has a <strong>Markdown</strong> body.</p>\n"))
                .body("place.countryCode", equalTo("GB"))
                .body("period.startYear", equalTo(2015))
                .body("approaches[0].slug", equalTo(approach))
                .body("approaches[0].name", equalTo("Test approach " + approach))
                .body("themes", equalTo(List.of("education", "social-contact")))
                .body("evidence.level", equalTo(2))
                .body("evidence.label", equalTo("Outcomes reported"))
                .body("sources[0].publishedOn", equalTo("2017-08-25"))
                .body("sources[0].fromReaderComments", equalTo(false))
                .body("status", equalTo("published"))
                .body("licence", equalTo("CC-BY-4.0"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue());

        given().when().get("/api/v1/case-studies/" + slug)
                .then().statusCode(200)
                .body("title", equalTo("A test case study"))
                .body("leadOrganisations", equalTo(List.of("Test Council")));

        body.put("title", "A replaced title");
        body.put("outcomes", List.of());
        body.remove("partnerOrganisations");
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/case-studies/" + slug)
                .then().statusCode(200)
                .body("title", equalTo("A replaced title"))
                .body("outcomes", hasSize(0))
                .body("partnerOrganisations", hasSize(0))
                .body("version", equalTo(1));

        given().queryParam("approach", approach)
                .when().get("/api/v1/case-studies")
                .then().statusCode(200)
                .body("items.slug", equalTo(List.of(slug)))
                .body("items[0].title", equalTo("A replaced title"));

        given().when().delete("/api/v1/case-studies/" + slug).then().statusCode(204);

        given().when().get("/api/v1/case-studies/" + slug)
                .then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/gone"))
                .body("detail", containsString("withdrawn"));
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/case-studies/" + slug).then().statusCode(410);
        given().when().delete("/api/v1/case-studies/" + slug).then().statusCode(410);
        given().queryParam("approach", approach)
                .when().get("/api/v1/case-studies")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSlugIsDerivedFromTheTitleAndKeptUnique() {
        String approach = createApproach(null);
        Map<String, Object> first = caseStudy(approach);
        first.remove("slug");
        first.put("title", "Turín’s Casa del Quartiere: Ça marche! " + approach);
        String slug = create(first);
        assertEquals("turins-casa-del-quartiere-ca-marche-" + approach, slug);

        Map<String, Object> second = caseStudy(approach);
        second.remove("slug");
        second.put("title", first.get("title"));
        assertEquals(slug + "-2", create(second));
    }

    @Test
    void aTakenSlugIsAConflictAndWritesNothing() {
        String approach = createApproach(null);
        Map<String, Object> body = caseStudy(approach);
        create(body);
        body.put("title", "Another title");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/case-studies")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/slug-taken"))
                .body("detail", containsString((String) body.get("slug")));
        given().when().get("/api/v1/case-studies/" + body.get("slug"))
                .then().statusCode(200).body("title", equalTo("A test case study"));
    }

    @Test
    void theHtmlBodyIsSanitized() {
        Map<String, Object> body = caseStudy(createApproach(null));
        body.put("body", "Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) "
                + "<a href=\"javascript:alert(2)\" onclick=\"x()\">y</a> [ok](https://example.org)");
        String slug = create(body);
        String html = given().when().get("/api/v1/case-studies/" + slug).then().statusCode(200)
                .body("body", equalTo(body.get("body")))
                .extract().path("bodyHtml");
        // Raw HTML in Markdown comes out as escaped text; what must never appear is a live tag or attribute.
        assertTrue(!html.contains("<script") && !html.contains("<img"), html);
        assertTrue(!java.util.regex.Pattern.compile("<[^>]*\\son[a-z]+\\s*=").matcher(html).find(), html);
        assertTrue(!html.contains("href=\"javascript:"), html);
        assertTrue(html.contains("href=\"https://example.org\""), html);
    }

    @Test
    void draftsAreServedByUrlButNotListed() {
        String approach = createApproach(null);
        Map<String, Object> body = caseStudy(approach);
        body.put("status", "draft");
        String slug = create(body);
        given().when().get("/api/v1/case-studies/" + slug).then().statusCode(200).body("status", equalTo("draft"));
        given().queryParam("approach", approach).when().get("/api/v1/case-studies")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void filtersAreOrWithinAndAndAcrossAndIncludeNarrowerApproaches() {
        String broad = createApproach(null);
        String narrow = createApproach(broad);
        Map<String, Object> inGb = caseStudy(narrow);
        String gb = create(inGb);
        Map<String, Object> inItaly = caseStudy(broad);
        part(inItaly, "place").put("countryCode", "IT");
        inItaly.put("themes", List.of("housing"));
        String it = create(inItaly);
        Map<String, Object> inFrance = caseStudy(broad);
        part(inFrance, "place").put("countryCode", "FR");
        inFrance.put("targetGroups", List.of("women"));
        String fr = create(inFrance);

        assertEquals(List.of(fr, it, gb), slugs(Map.of("approach", List.of(broad))));
        assertEquals(List.of(gb), slugs(Map.of("approach", List.of(narrow))));
        assertEquals(List.of(it, gb), slugs(Map.of("approach", List.of(broad), "country", List.of("gb", "IT"))));
        assertEquals(List.of(it), slugs(Map.of("approach", List.of(broad), "theme", List.of("housing"))));
        assertEquals(List.of(fr), slugs(Map.of("approach", List.of(broad), "targetGroup", List.of("women"))));
        assertEquals(List.of(), slugs(Map.of("approach", List.of(narrow), "country", List.of("IT"))));
    }

    @Test
    void pagingFollowsTheCursorToTheLastPage() {
        String approach = createApproach(null);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, create(caseStudy(approach)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("approach", approach).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.when().get("/api/v1/case-studies");
            response.then().statusCode(200).body("total", equalTo(5));
            seen.addAll(response.path("items.slug"));
            cursor = response.path("next");
            if (cursor != null) {
                assertTrue(response.header("Link").contains("cursor=" + cursor) && response.header("Link").endsWith("rel=\"next\""),
                        response.header("Link"));
            } else {
                assertEquals(null, response.header("Link"));
            }
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(created, seen);
    }

    @Test
    void theDefaultPageHasTwentyItemsAtMost() {
        given().when().get("/api/v1/case-studies")
                .then().statusCode(200)
                .body("items.size()", greaterThan(0))
                .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(20))
                .body("total", greaterThanOrEqualTo(15));
    }

    @Test
    void badListParametersAreReportedByName() {
        expectInvalidQuery("limit", "0", "limit", "must be a whole number from 1 to 100");
        expectInvalidQuery("limit", "101", "limit", "must be a whole number from 1 to 100");
        expectInvalidQuery("limit", "ten", "limit", "must be a whole number from 1 to 100");
        expectInvalidQuery("cursor", "not-a-cursor", "cursor", "is not a cursor returned by this API for this request; start again without it");
        expectInvalidQuery("approach", "no-such-approach", "approach",
                "\"no-such-approach\" is not an approach in the taxonomy; see GET /api/v1/approaches");
        expectInvalidQuery("country", "XX", "country", "\"XX\" is not an ISO 3166-1 alpha-2 country code, such as GB or IT");
        expectInvalidQuery("theme", "cooking", "theme", "\"cooking\" is not one of: employment, education, language, housing, "
                + "health, civic-participation, social-contact, media-and-public-attitudes, culture-and-heritage, "
                + "community-safety, public-services, rights-and-equality");
        expectInvalidQuery("targetGroup", "aliens", "targetGroup", "\"aliens\" is not one of: refugees, asylum-seekers, "
                + "labour-migrants, migrants, women, young-people, children, minority-ethnic-communities, "
                + "receiving-communities, whole-community");
    }

    @Test
    void anUnknownSlugIs404() {
        given().when().get("/api/v1/case-studies/no-such-case-study")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("There is no case study with the slug \"no-such-case-study\"."))
                .body("instance", equalTo("/api/v1/case-studies/no-such-case-study"));
        given().contentType(ContentType.JSON).body(caseStudy("sport"))
                .when().put("/api/v1/case-studies/no-such-case-study").then().statusCode(404);
        given().when().delete("/api/v1/case-studies/no-such-case-study").then().statusCode(404);
    }

    @Test
    void malformedJsonIs400AndWritesNothing() {
        given().contentType(ContentType.JSON).body("{\"title\": \"unfinished")
                .when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-body"))
                .body("detail", containsString("not well-formed JSON"))
                .body("detail", not(containsString("Exception")));
        given().contentType(ContentType.JSON).body("{\"title\": \"a\", \"title\": \"b\"}")
                .when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .body("detail", containsString("Duplicate field \"title\""));
    }

    @Test
    void trailingContentAndHugeNumbersAreMalformed() {
        given().contentType(ContentType.JSON).body("{} {}")
                .when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-body"))
                .body("detail", containsString("more content after its JSON document"));
        given().contentType(ContentType.JSON).body("{\"period\": {\"startYear\": 99999999999}}")
                .when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-body"))
                .body("detail", containsString("A number in the request body is out of range"));
    }

    @Test
    void concurrentCreatesOfOneSlugGiveOneCaseStudyAndConflicts() throws Exception {
        Map<String, Object> body = caseStudy(createApproach(null));
        List<Integer> statuses = org.integrationevidence.TestData.concurrently(8, () -> given().contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/case-studies").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
    }

    @Test
    void aBodyWhoseHtmlWouldBeTooLongIsRefused() {
        String approach = createApproach(null);
        // One long link target defined once and referenced 2,500 times: 17,000 characters of Markdown, megabytes of HTML.
        String references = "[a]: https://example.org/" + "x".repeat(2000) + "\n\n" + "[a][] ".repeat(2500);
        expectInvalid(approach, body -> body.put("body", references), "body",
                "renders to more than 400000 characters of HTML; shorten it or use less markup");
        Map<String, Object> allEscaped = caseStudy(approach);
        allEscaped.put("body", "&\"<".repeat(6666));
        given().contentType(ContentType.JSON).body(allEscaped)
                .when().post("/api/v1/case-studies")
                .then().statusCode(201);
    }

    @Test
    void wrongTypesAreNamedByTheirPath() {
        expectFieldError(Map.of("title", 5), "title", "must be a string");
        expectFieldError(Map.of("period", Map.of("startYear", "2017")), "period.startYear", "must be a whole number");
        expectFieldError(Map.of("period", Map.of("startYear", 2017.5)), "period.startYear", "must be a whole number");
        expectFieldError(Map.of("place", Map.of("scale", "planet")), "place.scale",
                "must be one of: neighbourhood, city, region, national, international");
        expectFieldError(Map.of("approaches", "sport"), "approaches", "must be an array");
        expectFieldError(Map.of("sources", List.of(Map.of("publishedOn", "last year"))), "sources[0].publishedOn",
                "must be a date in the form YYYY-MM-DD");
        given().contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/case-studies")
                .then().statusCode(400).body("errors[0].field", equalTo("$"))
                .body("errors[0].message", equalTo("must be a JSON object"));
    }

    /** What a GET returns may come back in a write: the server's own fields in it are ignored; others are refused. */
    @Test
    void unknownAndServerOwnedFieldsAreRejected() {
        for (String serverOwned : List.of("id", "owner")) {
            Map<String, Object> body = caseStudy(createApproach(null));
            body.put(serverOwned, serverOwned.equals("id") ? 7 : "someone");
            expectRejectedAndNotWritten(body, serverOwned, "is set by the server and cannot be written");
        }
        Map<String, Object> body = caseStudy(createApproach(null));
        body.put("colour", "red");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("is not a known field; allowed fields are approaches, body,"));
    }

    /**
     * What the sources do not say stays empty: a case study whose sources describe no activity has no approach, and
     * one whose sources do not say how far it reached has no scale. It is served, found and exported as such.
     */
    @Test
    void aCaseStudyMayHaveNoApproachAndAnUnknownScale() {
        String word = TestData.unique("unscaled").replace("-", "");
        Map<String, Object> body = caseStudy(createApproach(null));
        body.put("title", "A case study with no approach: " + word);
        body.put("approaches", List.of());
        part(body, "place").put("scale", null);
        String slug = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/case-studies")
                .then().statusCode(201).body("approaches", equalTo(List.of())).body("place.scale", nullValue())
                .extract().path("slug");
        given().queryParam("q", word).when().get("/api/v1/case-studies").then().statusCode(200)
                .body("items.slug", equalTo(List.of(slug)));
        given().queryParam("scale", "city").queryParam("q", word).when().get("/api/v1/case-studies").then()
                .statusCode(200).body("items.slug", not(hasItem(slug)));
        Map<String, String> row = CsvAssertions.caseStudyRows(given().accept("text/csv").when()
                .get("/api/v1/case-studies/" + slug).then().statusCode(200).extract().asString()).get(0);
        assertEquals("", row.get("approaches"));
        assertEquals("", row.get("place.scale"));
    }

    @Test
    void missingRequiredFieldsAreAllListed() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("The request has 6 invalid fields."))
                .body("errors.field", equalTo(List.of("body", "evidence", "place", "sources", "summary", "title")));
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("$"))
                .body("errors[0].message", equalTo("a JSON object is required as the request body"));
    }

    @Test
    void everyStringHasALengthLimit() {
        String approach = createApproach(null);
        expectInvalid(approach, body -> body.put("title", "x".repeat(201)), "title", "size must be between 0 and 200");
        expectInvalid(approach, body -> body.put("summary", "x".repeat(301)), "summary", "size must be between 0 and 300");
        expectInvalid(approach, body -> body.put("summary", "two\nlines"), "summary", "must be a single line");
        expectInvalid(approach, body -> body.put("body", "x".repeat(20001)), "body", "size must be between 0 and 20000");
        expectInvalid(approach, body -> part(body, "place").put("name", "x".repeat(121)), "place.name",
                "size must be between 0 and 120");
        expectInvalid(approach, body -> body.put("leadOrganisations", List.of("x".repeat(201))), "leadOrganisations[0]",
                "size must be between 0 and 200");
        expectInvalid(approach, body -> body.put("outcomes", List.of("ok", "x".repeat(1001))), "outcomes[1]",
                "size must be between 0 and 1000");
        expectInvalid(approach, body -> part(body, "evidence").put("rationale", "x".repeat(1001)), "evidence.rationale",
                "size must be between 0 and 1000");
        expectInvalid(approach, body -> body.put("slug", "x".repeat(81)), "slug", "size must be between 0 and 80");
        expectInvalid(approach, body -> body.put("slug", "Not A Slug"), "slug",
                "must be lowercase letters and digits in words joined by single hyphens");
        expectInvalid(approach, body -> body.put("outcomes", java.util.Collections.nCopies(21, "x")), "outcomes",
                "size must be between 0 and 20");
    }

    @Test
    void contentRulesAreChecked() {
        String approach = createApproach(null);
        expectInvalid(approach, body -> body.put("approaches", List.of(approach, "no-such-approach")), "approaches[1]",
                "\"no-such-approach\" is not an approach in the taxonomy; see GET /api/v1/approaches");
        expectInvalid(approach, body -> part(body, "place").put("countryCode", "UK"), "place.countryCode",
                "must be an ISO 3166-1 alpha-2 country code in capitals, such as GB or IT");
        expectInvalid(approach, body -> part(body, "place").put("countryCode", "gb"), "place.countryCode",
                "must be an ISO 3166-1 alpha-2 country code in capitals, such as GB or IT");
        expectInvalid(approach, body -> part(body, "period").put("endYear", 2014), "period.endYear",
                "must not be before period.startYear");
        expectInvalid(approach, body -> part(body, "period").put("ongoing", true), "period.ongoing",
                "cannot be true when period.endYear is given");
        expectInvalid(approach, body -> part(body, "place").put("latitude", 53.8), "place.longitude",
                "must be given together with place.latitude");
        expectInvalid(approach, body -> part(body, "place").put("latitude", 91), "place.latitude",
                "must be less than or equal to 90");
        expectInvalid(approach, body -> part(body, "evidence").put("level", 6), "evidence.level",
                "must be less than or equal to 5");
        expectInvalid(approach, body -> body.put("sources", List.of()), "sources", "must not be empty");
        expectInvalid(approach, body -> body.put("status", "withdrawn"), "status",
                "must be draft or published; withdraw a case study with DELETE");
        expectInvalid(approach, body -> ((List<Map<String, Object>>) body.get("sources")).get(0).put("url", "ftp://x"),
                "sources[0].url", "must be an http or https URL with a host, any character outside the URL grammar (spaces, quotes, angle brackets, non-ASCII) percent-encoded");
    }

    @Test
    void renamingToATakenSlugIsAConflict() {
        String approach = createApproach(null);
        String taken = create(caseStudy(approach));
        Map<String, Object> body = caseStudy(approach);
        String slug = create(body);
        body.put("slug", taken);
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/case-studies/" + slug)
                .then().statusCode(409)
                .body("type", equalTo("/problems/slug-taken"));
        given().when().get("/api/v1/case-studies/" + slug).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void requestBodiesMustBeJson() {
        given().contentType(ContentType.TEXT).body("title=x")
                .when().post("/api/v1/case-studies")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
    }

    @Test
    void unsupportedMethodsAre405() {
        given().when().patch("/api/v1/case-studies")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/method-not-allowed"))
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"))
                .body("detail", equalTo("PATCH is not allowed on /api/v1/case-studies."));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/case-studies/some-slug")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"));
    }

    private static List<String> slugs(Map<String, List<String>> query) {
        var request = given();
        query.forEach((name, values) -> request.queryParam(name, values.toArray()));
        return request.when().get("/api/v1/case-studies").then().statusCode(200).extract().path("items.slug");
    }

    private static void expectInvalidQuery(String name, String value, String field, String message) {
        given().queryParam(name, value)
                .when().get("/api/v1/case-studies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", equalTo(List.of(field)))
                .body("errors[0].message", equalTo(message));
    }

    private static void expectFieldError(Object body, String field, String message) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", equalTo(message));
    }

    private static void expectInvalid(String approach, java.util.function.Consumer<Map<String, Object>> change, String field,
            String message) {
        Map<String, Object> body = caseStudy(approach);
        change.accept(body);
        expectRejectedAndNotWritten(body, field, message);
    }

    /** Asserts a 400 naming the field, and that nothing was written under the request's slug. */
    private static void expectRejectedAndNotWritten(Map<String, Object> body, String field, String message) {
        expectFieldError(body, field, message);
        Object slug = body.get("slug");
        if (slug instanceof String s && s.matches("[a-z0-9-]{1,80}")) {
            given().when().get("/api/v1/case-studies/" + s).then().statusCode(404);
        }
        given().queryParam("approach", body.get("approaches") instanceof List<?> list && !list.isEmpty() ? list.get(0) : "sport")
                .when().get("/api/v1/case-studies")
                .then().body("items.slug", not(hasItem(slug)));
    }
}
