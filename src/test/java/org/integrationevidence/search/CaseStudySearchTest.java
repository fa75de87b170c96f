package org.integrationevidence.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.integrationevidence.TestData.part;
import static org.integrationevidence.TestData.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.junit.jupiter.api.Test;

/**
 * Search over HTTP. Each test tags what it creates with an approach of its own (or a word of its own) and
 * filters on it, so that tests never see each other's case studies and can run in any order.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class CaseStudySearchTest {

    private static final String LIST = "/api/v1/case-studies";

    @Test
    void aTitleMatchOutranksABodyMatch() {
        String approach = createApproach(null);
        String word = unique("zebrafinch").replace("-", "");
        Map<String, Object> inBody = caseStudy(approach);
        inBody.put("body", "Somewhere in the middle of a long body the word " + word + " appears once.");
        String bodySlug = create(inBody);
        Map<String, Object> inTitle = caseStudy(approach);
        inTitle.put("title", "The " + word + " project");
        String titleSlug = create(inTitle);

        given().queryParam("q", word).queryParam("approach", approach)
                .when().get(LIST)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.slug", contains(titleSlug, bodySlug));
    }

    @Test
    void accentsCaseAndOtherSpellingsOfPlacesAreIgnored() {
        String approach = createApproach(null);
        Map<String, Object> malmo = caseStudy(approach);
        malmo.put("title", "Language cafés in Malmö");
        part(malmo, "place").put("name", "Malmö");
        part(malmo, "place").put("countryCode", "SE");
        String malmoSlug = create(malmo);
        Map<String, Object> turin = caseStudy(approach);
        turin.put("summary", "Neighbours in Turin campaigned together.");
        String turinSlug = create(turin);

        for (String q : List.of("Malmo", "malmö", "MALMÖ", "cafes malmo")) {
            search(Map.of("q", q, "approach", approach)).then().statusCode(200).body("items.slug", contains(malmoSlug));
        }
        for (String q : List.of("Torino", "Turín", "turin")) {
            search(Map.of("q", q, "approach", approach)).then().statusCode(200).body("items.slug", contains(turinSlug));
        }
        Map<String, Object> hague = caseStudy(approach);
        part(hague, "place").put("name", "The Hague");
        part(hague, "place").put("countryCode", "NL");
        String hagueSlug = create(hague);
        search(Map.of("q", "Den Haag", "approach", approach)).then().statusCode(200).body("items.slug", contains(hagueSlug));
    }

    @Test
    void queriesUseStemsPhrasesExclusionsAndPrefixes() {
        String approach = createApproach(null);
        Map<String, Object> first = caseStudy(approach);
        first.put("summary", "Volunteers mentored refugee families through their first winter.");
        String mentoring = create(first);
        Map<String, Object> second = caseStudy(approach);
        second.put("summary", "A family mentoring scheme for refugees, run by volunteers in winter.");
        String scheme = create(second);

        search(Map.of("q", "family", "approach", approach)).then().body("items.slug", containsInAnyOrder(mentoring, scheme));
        search(Map.of("q", "\"refugee families\"", "approach", approach)).then().body("items.slug", contains(mentoring));
        search(Map.of("q", "volunteers -scheme", "approach", approach)).then().body("items.slug", contains(mentoring));
        search(Map.of("q", "-scheme", "approach", approach)).then().body("items.slug", contains(mentoring));
        search(Map.of("q", "ment*", "approach", approach)).then().body("items.slug", containsInAnyOrder(mentoring, scheme));
        search(Map.of("q", "scheme | winter", "approach", approach)).then().body("total", equalTo(2));
    }

    @Test
    void aPhraseMatchesItsWordsSideBySideInOneValueOnly() {
        String approach = createApproach(null);
        Map<String, Object> adjacent = caseStudy(approach);
        adjacent.put("summary", "Weekly Language Classes for mothers.");
        String adjacentSlug = create(adjacent);
        Map<String, Object> reversed = caseStudy(approach);
        reversed.put("summary", "Classes were taught in the language of the host town.");
        create(reversed);
        Map<String, Object> apart = caseStudy(approach);
        apart.put("summary", "Language for classes of adults.");
        String apartSlug = create(apart);
        Map<String, Object> twoValues = caseStudy(approach);
        twoValues.put("leadOrganisations", List.of("Open Language"));
        twoValues.put("partnerOrganisations", List.of("Classes Trust"));
        create(twoValues);

        search(Map.of("q", "\"language classes\"", "approach", approach)).then().statusCode(200)
                .body("items.slug", contains(adjacentSlug))
                .body("items[0].highlights.summary[0]", containsString("<mark>Language</mark> <mark>Classes</mark>"));
        search(Map.of("q", "\"language class\"", "approach", approach)).then().body("items.slug", contains(adjacentSlug));
        search(Map.of("q", "\"weekly language classes\"", "approach", approach)).then().body("items.slug", contains(adjacentSlug));
        search(Map.of("q", "\"language for classes\"", "approach", approach)).then().body("items.slug", contains(apartSlug));
        search(Map.of("q", "\"language classes\" -weekly", "approach", approach)).then().body("total", equalTo(0));
        search(Map.of("q", "\"open language classes\"", "approach", approach)).then().body("total", equalTo(0));
    }

    @Test
    void filtersAreOrWithinAndAndAcross() {
        String approach = createApproach(null);
        String gbEducation = create(with(caseStudy(approach), "GB", List.of("education"), 1, 2010, 2012, "city"));
        String gbHousing = create(with(caseStudy(approach), "GB", List.of("housing"), 3, 2016, null, "region"));
        String itEducation = create(with(caseStudy(approach), "IT", List.of("education"), 4, null, null, "neighbourhood"));

        assertSlugs(Map.of("approach", approach, "country", List.of("GB", "it")), gbEducation, gbHousing, itEducation);
        assertSlugs(Map.of("approach", approach, "country", "GB", "theme", "education"), gbEducation);
        assertSlugs(Map.of("approach", approach, "theme", List.of("education", "housing"), "country", "IT"), itEducation);
        assertSlugs(Map.of("approach", approach, "minEvidence", "3"), gbHousing, itEducation);
        assertSlugs(Map.of("approach", approach, "scale", List.of("city", "region")), gbEducation, gbHousing);
        // Periods: 2010-2012; 2016 only; unknown (never matches a period filter).
        assertSlugs(Map.of("approach", approach, "activeFrom", "2011"), gbEducation, gbHousing);
        assertSlugs(Map.of("approach", approach, "activeTo", "2011"), gbEducation);
        assertSlugs(Map.of("approach", approach, "activeFrom", "2013", "activeTo", "2015"));
        assertSlugs(Map.of("approach", approach, "place", "BRADFORD"), gbEducation, gbHousing, itEducation);
        assertSlugs(Map.of("approach", approach, "updatedSince", "2000-01-01"), gbEducation, gbHousing, itEducation);
        assertSlugs(Map.of("approach", approach, "updatedSince", "2100-01-01T00:00:00Z"));
    }

    @Test
    void placeAndRegionFiltersIgnoreCaseAndAccents() {
        String approach = createApproach(null);
        Map<String, Object> body = caseStudy(approach);
        part(body, "place").put("name", "Liège");
        part(body, "place").put("localAuthority", "Ville de Liège");
        part(body, "place").put("region", "Wallonië");
        part(body, "place").put("countryCode", "BE");
        String slug = create(body);
        assertSlugs(Map.of("approach", approach, "place", "liege"), slug);
        assertSlugs(Map.of("approach", approach, "place", "ville de liège"), slug);
        assertSlugs(Map.of("approach", approach, "region", "WALLONIE"), slug);
        assertSlugs(Map.of("approach", approach, "place", "Namur"));
    }

    @Test
    void anApproachFilterIncludesNarrowerApproachesAndFacetsRollUp() {
        String broad = createApproach(null);
        String narrow = createApproach(broad);
        String tagged = create(caseStudy(narrow));

        search(Map.of("approach", broad, "facets", "approach"))
                .then().statusCode(200)
                .body("items.slug", contains(tagged))
                .body("facets.approach.find { it.value == '" + broad + "' }.count", equalTo(1))
                .body("facets.approach.find { it.value == '" + broad + "' }.selected", is(true))
                .body("facets.approach.find { it.value == '" + narrow + "' }.count", equalTo(1))
                .body("facets.approach.find { it.value == '" + narrow + "' }.parent", equalTo(broad))
                .body("facets.approach.find { it.value == '" + narrow + "' }.label", equalTo("Test approach " + narrow));
    }

    @Test
    void facetsCountUnderTheOtherFiltersOnly() {
        String approach = createApproach(null);
        create(with(caseStudy(approach), "GB", List.of("education"), 1, null, null, "city"));
        create(with(caseStudy(approach), "GB", List.of("housing"), 2, null, null, "city"));
        create(with(caseStudy(approach), "IT", List.of("education"), 2, null, null, "city"));

        search(Map.of("approach", approach, "country", "GB", "facets", "country,theme,evidence,scale"))
                .then().statusCode(200)
                .body("total", equalTo(2))
                // Multi-select: the country facet ignores the country filter, so Italy can still be added.
                .body("facets.country.find { it.value == 'GB' }.count", equalTo(2))
                .body("facets.country.find { it.value == 'GB' }.label", equalTo("United Kingdom"))
                .body("facets.country.find { it.value == 'GB' }.selected", is(true))
                .body("facets.country.find { it.value == 'IT' }.count", equalTo(1))
                .body("facets.country.find { it.value == 'IT' }.selected", is(false))
                // The other facets are narrowed by it.
                .body("facets.theme.find { it.value == 'education' }.count", equalTo(1))
                .body("facets.theme.find { it.value == 'education' }.label", equalTo("Education"))
                .body("facets.theme.find { it.value == 'housing' }.count", equalTo(1))
                .body("facets.evidence.value", contains("1", "2", "3", "4", "5"))
                .body("facets.evidence.count", contains(1, 1, 0, 0, 0))
                .body("facets.scale.find { it.value == 'city' }.count", equalTo(2));

        search(Map.of("approach", approach, "minEvidence", "2", "facets", "evidence"))
                .then().body("total", equalTo(2))
                .body("facets.evidence.count", contains(1, 2, 0, 0, 0))
                .body("facets.evidence.selected", contains(false, true, true, true, true));
        search(Map.of("approach", approach)).then().body("facets", nullValue());
    }

    @Test
    void twoFilteredFacetsEachCountUnderTheOtherFilterAndTheText() {
        String approach = createApproach(null);
        String word = unique("sideways").replace("-", "");
        for (String[] row : new String[][] {{"GB", "education"}, {"GB", "housing"}, {"IT", "education"}, {"IT", "housing"}}) {
            Map<String, Object> body = with(caseStudy(approach), row[0], List.of(row[1]), 2, null, null, "city");
            body.put("title", "Sideways " + word + " " + row[0] + " " + row[1]);
            create(body);
        }
        // The same filters, without the word: counted by no facet of a search for the word.
        create(with(caseStudy(approach), "GB", List.of("education"), 2, null, null, "city"));

        search(Map.of("q", word, "approach", approach, "country", "GB", "theme", "education", "facets", "country,theme,scale"))
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].title", equalTo("Sideways " + word + " GB education"))
                // country counts the word's matches in education, whatever their country; theme those in GB.
                .body("facets.country.find { it.value == 'GB' }.count", equalTo(1))
                .body("facets.country.find { it.value == 'IT' }.count", equalTo(1))
                .body("facets.theme.find { it.value == 'education' }.count", equalTo(1))
                .body("facets.theme.find { it.value == 'housing' }.count", equalTo(1))
                .body("facets.scale.find { it.value == 'city' }.count", equalTo(1));
    }

    @Test
    void highlightsMarkTheMatchedWordsInEscapedHtml() {
        String approach = createApproach(null);
        Map<String, Object> body = caseStudy(approach);
        body.put("title", "Allotments <script>alert(1)</script> for newcomers");
        body.put("body", "First paragraph about nothing in particular.\n\nThe allotment scheme paired newcomers with gardeners.");
        create(body);

        Response response = search(Map.of("q", "allotments", "approach", approach));
        response.then().statusCode(200)
                .body("items[0].highlights.title[0]", equalTo(
                        "<mark>Allotments</mark> &lt;script&gt;alert(1)&lt;&#x2F;script&gt; for newcomers"))
                .body("items[0].highlights.body[0]", containsString("The <mark>allotment</mark> scheme"))
                .body("items[0].highlights.summary", nullValue());
        search(Map.of("approach", approach)).then().body("items[0].highlights", nullValue());
    }

    @Test
    void sortsBreakTiesBySlug() {
        String approach = createApproach(null);
        String b = create(withSlugAndTitle(caseStudy(approach), "b", "Beta", 3, 2019));
        String a = create(withSlugAndTitle(caseStudy(approach), "a", "alpha", 3, null));
        String c = create(withSlugAndTitle(caseStudy(approach), "c", "Gamma", 5, 2001));
        search(Map.of("approach", approach, "sort", "title")).then().body("items.slug", contains(a, b, c));
        search(Map.of("approach", approach, "sort", "-evidence")).then().body("items.slug", contains(c, a, b));
        search(Map.of("approach", approach, "sort", "-start")).then().body("items.slug", contains(b, c, a));
        search(Map.of("approach", approach, "sort", "-updated")).then().body("items.slug", contains(c, a, b));
        search(Map.of("approach", approach)).then().body("items.slug", contains(c, a, b));
    }

    @Test
    void equalScoresAreOrderedBySlugAcrossSegmentsAndPages() {
        String approach = createApproach(null);
        // Identical texts score the same; each write is searched from a segment of its own until merged.
        List<String> slugs = new ArrayList<>();
        for (String letter : List.of("e", "b", "g", "a", "f", "c", "d")) {
            Map<String, Object> body = withSlugAndTitle(caseStudy(approach), letter, "Quince orchards", 3, 2019);
            slugs.add(create(body));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = new LinkedHashMap<>(Map.of("q", "quince", "approach", approach, "limit", "3"));
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            Response response = search(page);
            response.then().statusCode(200);
            seen.addAll(response.path("items.slug"));
            cursor = response.path("next");
        } while (cursor != null);
        assertEquals(slugs.stream().sorted().toList(), seen);
    }

    @Test
    void cursorsPageToTheEndWithoutDuplicatesOrGapsWhileOthersWrite() {
        String approach = createApproach(null);
        Set<String> existing = new HashSet<>();
        Map<String, Object> moved = null;
        for (int i = 0; i < 23; i++) {
            Map<String, Object> body = caseStudy(approach);
            body.put("title", "Orchard " + i);
            body.put("summary", i % 2 == 0 ? "An orchard of apples." : "An orchard, an orchard, orchards everywhere.");
            existing.add(create(body));
            moved = moved == null ? body : moved;
        }
        for (Map<String, String> order : List.of(Map.of("sort", "title"), Map.of("sort", "-updated"), Map.of("q", "orchard"))) {
            List<String> seen = new ArrayList<>();
            Map<String, Object> parameters = new LinkedHashMap<>(order);
            parameters.put("approach", approach);
            parameters.put("limit", "5");
            String cursor = null;
            int pages = 0;
            int total = -1;
            do {
                Map<String, Object> page = new LinkedHashMap<>(parameters);
                if (cursor != null) {
                    page.put("cursor", cursor);
                }
                Response response = search(page);
                response.then().statusCode(200);
                seen.addAll(response.path("items.slug"));
                total = pages == 0 ? response.path("total") : total;
                cursor = response.path("next");
                pages++;
                // Writes between pages: a new case study, and an edit that moves an existing one in every order.
                Map<String, Object> newcomer = caseStudy(approach);
                newcomer.put("title", "Orchard written meanwhile " + pages);
                create(newcomer);
                moved.put("title", "Orchard edited " + pages + " " + order);
                given().contentType("application/json").body(moved).when().put(LIST + "/" + moved.get("slug"))
                        .then().statusCode(200);
            } while (cursor != null);
            assertEquals(seen.size(), new HashSet<>(seen).size(), "no duplicates in " + order + ": " + seen);
            assertTrue(seen.containsAll(existing), "no gaps in " + order);
            assertEquals(total, seen.size(), order.toString());
            assertEquals((total + 4) / 5, pages, order.toString());
        }
    }

    @Test
    void draftsAndWithdrawnCaseStudiesAreNeverFound() {
        String approach = createApproach(null);
        String word = unique("quokka").replace("-", "");
        Map<String, Object> draft = caseStudy(approach);
        draft.put("title", "Draft about " + word);
        draft.put("status", "draft");
        create(draft);
        Map<String, Object> published = caseStudy(approach);
        published.put("title", "Published about " + word);
        String slug = create(published);

        search(Map.of("q", word)).then().body("items.slug", contains(slug));
        given().when().delete(LIST + "/" + slug).then().statusCode(204);
        search(Map.of("q", word)).then().body("total", equalTo(0)).body("items", empty());
        search(Map.of("approach", approach, "facets", "approach")).then().body("total", equalTo(0))
                .body("facets.approach.find { it.value == '" + approach + "' }.count", equalTo(0));
    }

    @Test
    void anEditIsSearchableAsSoonAsItIsAnswered() {
        String approach = createApproach(null);
        Map<String, Object> body = caseStudy(approach);
        String slug = create(body);
        String word = unique("pangolin").replace("-", "");
        body.put("title", "Now about " + word);
        given().contentType("application/json").body(body).when().put(LIST + "/" + slug).then().statusCode(200);
        search(Map.of("q", word)).then().body("items.slug", contains(slug));
    }

    @Test
    void renamingAnApproachReindexesItsCaseStudies() {
        String approach = createApproach(null);
        String slug = create(caseStudy(approach));
        String word = unique("axolotl").replace("-", "");
        given().contentType("application/json")
                .body(Map.of("name", "Approach of the " + word, "definition", "Renamed by a test."))
                .when().put("/api/v1/approaches/" + approach).then().statusCode(200);
        search(Map.of("q", word)).then().body("items.slug", contains(slug));
    }

    @Test
    void relatedCaseStudiesShareApproachesThemesAndWordsAndSayWhy() {
        String approach = createApproach(null);
        Map<String, Object> source = caseStudy(approach);
        source.put("summary", "Beekeeping classes bring refugees and neighbours together.");
        String sourceSlug = create(source);
        Map<String, Object> similar = caseStudy(approach);
        similar.put("summary", "Beekeeping for neighbours and refugees.");
        String similarSlug = create(similar);
        Map<String, Object> draft = caseStudy(approach);
        draft.put("status", "draft");
        String draftSlug = create(draft);

        given().queryParam("limit", "20").when().get(LIST + "/" + sourceSlug + "/related")
                .then().statusCode(200)
                .body("items.caseStudy.slug", hasItem(similarSlug))
                .body("items.caseStudy.slug", not(hasItem(sourceSlug)))
                .body("items.caseStudy.slug", not(hasItem(draftSlug)))
                .body("items.find { it.caseStudy.slug == '" + similarSlug + "' }.reasons.kind",
                        hasItem("approach"))
                .body("items.find { it.caseStudy.slug == '" + similarSlug + "' }.reasons.find { it.kind == 'approach' }.value",
                        equalTo(approach))
                .body("items.find { it.caseStudy.slug == '" + similarSlug + "' }.reasons.kind", hasItem("text"));
        given().when().get(LIST + "/no-such-case-study/related").then().statusCode(404);
        given().queryParam("limit", "21").when().get(LIST + "/" + sourceSlug + "/related").then().statusCode(400);
        given().when().delete(LIST + "/" + similarSlug).then().statusCode(204);
        given().when().get(LIST + "/" + similarSlug + "/related").then().statusCode(410);
    }

    @Test
    void suggestionsCompleteApproachesPlacesAndTitles() {
        String word = unique("Wombat").replace("-", "");
        String approach = createApproach(null);
        Map<String, Object> body = caseStudy(approach);
        body.put("title", "The " + word + " garden club");
        part(body, "place").put("name", word + "ville");
        String slug = create(body);
        String prefix = word.substring(0, word.length() - 2).toLowerCase();

        given().queryParam("prefix", prefix).when().get("/api/v1/suggest")
                .then().statusCode(200)
                .body("items.find { it.kind == 'caseStudy' }.value", equalTo(slug))
                .body("items.find { it.kind == 'place' }.text", equalTo(word + "ville"));
        given().queryParam("prefix", "the " + word.toLowerCase() + " gar").when().get("/api/v1/suggest")
                .then().statusCode(200).body("items.value", contains(slug));
        given().queryParam("prefix", "school link").when().get("/api/v1/suggest")
                .then().statusCode(200).body("items[0].kind", equalTo("approach")).body("items[0].value", equalTo("school-linking"));
        given().when().get("/api/v1/suggest").then().statusCode(400).body("errors[0].field", equalTo("prefix"));

        Map<String, Object> draft = caseStudy(approach);
        draft.put("status", "draft");
        part(draft, "place").put("name", word + "draftplace");
        create(draft);
        given().queryParam("prefix", word.toLowerCase() + "draft").when().get("/api/v1/suggest")
                .then().statusCode(200).body("items", empty());
        given().queryParam("prefix", "x".repeat(101)).when().get("/api/v1/suggest").then().statusCode(400);
    }

    @Test
    void badSearchesAreProblemsNeverServerErrors() {
        expectInvalid(Map.of("q", "x".repeat(501)), "q", "must be at most 500 characters");
        expectInvalid(Map.of("q", "\"unclosed phrase"), "q", "has an unclosed quotation mark; phrases are written \"like this\"");
        expectInvalid(Map.of("q", "(refugees"), "q", "has an opening parenthesis without a closing one");
        expectInvalid(Map.of("q", "a*"), "q", "has a prefix search with fewer than 2 letters before *");
        expectInvalid(Map.of("q", "ab ".repeat(166).strip()), "q", "has 166 words; at most 32 are searched for");
        expectInvalid(Map.of("q", "ab* cd* ef* gh* ij* kl*"), "q", "has 6 prefix searches (word*); at most 5 are allowed");
        expectInvalid(Map.of("updatedSince", "3000-01-01"), "updatedSince", "must be between the years 1900 and 2100");
        expectInvalid(Map.of("q", "the"), "q",
                "has no words to search for: only punctuation or very common words such as \"the\"");
        expectInvalid(Map.of("facets", "country,colour"), "facets",
                "\"colour\" is not one of: approach, country, theme, targetGroup, evidence, scale, outcomeDomain, direction, cbp, gcm, sdg");
        expectInvalid(Map.of("sort", "newest"), "sort", "\"newest\" is not one of: relevance, -updated, title, -evidence, -start, distance, similarPlace");
        expectInvalid(Map.of("sort", "relevance"), "sort", "relevance needs a q to be relevant to");
        expectInvalid(Map.of("minEvidence", "6"), "minEvidence", "must be a whole number from 1 to 5");
        expectInvalid(Map.of("activeFrom", "2020", "activeTo", "2010"), "activeTo", "must not be before activeFrom");
        expectInvalid(Map.of("updatedSince", "yesterday"), "updatedSince",
                "must be an ISO 8601 instant, such as 2026-11-01T00:00:00Z, or a date, such as 2026-11-01");
        expectInvalid(Map.of("limit", "101"), "limit", "must be a whole number from 1 to 100");
        expectInvalid(Map.of("scale", "planet"), "scale", "\"planet\" is not one of: neighbourhood, city, region, national, international");
        List<String> places = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            places.add("Place " + i);
        }
        expectInvalid(Map.of("place", places), "$", "at most 100 filter values are allowed in one request; this one has 101");
        List<String> thousands = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            thousands.add("GB");
        }
        // The HTTP layer reads at most 1024 query parameters; the count in the message may stop there.
        search(Map.of("country", thousands, "theme", List.of("education"))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.message", hasItem(startsWith("at most 100 filter values are allowed in one request")));

        String next = search(Map.of("limit", "1")).then().statusCode(200).extract().path("next");
        String tampered = next.substring(0, 3) + (next.charAt(3) == 'A' ? 'B' : 'A') + next.substring(4);
        expectInvalid(Map.of("limit", "1", "cursor", tampered), "cursor",
                "is not a cursor returned by this API for this request; start again without it");
        expectInvalid(Map.of("limit", "1", "cursor", next, "country", "GB"), "cursor",
                "belongs to a different search; send it with the same q, filters and sort as the page it came from, "
                        + "or start again without it");
    }

    @Test
    void luceneSyntaxInQNeverFails() {
        for (String q : List.of("+", "-", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "^", "\"", "~", "*", "?", ":", "\\",
                "/", "title:refugees", "refugees~2", "refugee^10", "[a TO z]", "a AND OR NOT b", "\"\"", "()", "-(", "+-+",
                "\\\"", "*refugees", "refugees**", "ré*", "\u0000", "🙂", "'; drop table case_study; --")) {
            int status = search(Map.of("q", q)).then().extract().statusCode();
            assertTrue(status == 200 || status == 400, "q=" + q + " answered " + status);
            assertNotEquals(500, status);
        }
    }

    // ---- helpers ----

    private static Response search(Map<String, ?> parameters) {
        RequestSpecification request = given().urlEncodingEnabled(true);
        parameters.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                request.queryParam(name, values);
            } else {
                request.queryParam(name, value);
            }
        });
        return request.when().get(LIST);
    }

    private static void assertSlugs(Map<String, ?> parameters, String... slugs) {
        Response response = search(parameters);
        response.then().statusCode(200).body("total", equalTo(slugs.length));
        List<String> found = response.path("items.slug");
        assertEquals(Set.of(slugs), new HashSet<>(found), parameters.toString());
    }

    private static void expectInvalid(Map<String, ?> parameters, String field, String message) {
        search(parameters).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(message));
    }

    private static Map<String, Object> with(Map<String, Object> body, String country, List<String> themes, int evidence,
            Integer startYear, Integer endYear, String scale) {
        part(body, "place").put("countryCode", country);
        part(body, "place").put("scale", scale);
        body.put("themes", themes);
        part(body, "evidence").put("level", evidence);
        part(body, "period").put("startYear", startYear);
        part(body, "period").put("endYear", endYear);
        return body;
    }

    private static Map<String, Object> withSlugAndTitle(Map<String, Object> body, String slugStart, String title, int evidence,
            Integer startYear) {
        body.put("slug", slugStart + "-" + body.get("slug"));
        body.put("title", title);
        part(body, "evidence").put("level", evidence);
        part(body, "period").put("startYear", startYear);
        part(body, "period").put("endYear", null);
        return body;
    }

}
