package org.integrationevidence.approach;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.integrationevidence.TestData.unique;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ActingAs(Role.EDITOR)
class ApproachResourceTest {

    @Test
    void theSeededTaxonomyIsATreeWithCounts() {
        given().when().get("/api/v1/approaches")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(23))
                .body("next", nullValue())
                .body("items.slug", hasItems("social-contact-and-mixing", "language-learning",
                        "participation-and-joint-campaigning", "refugee-sponsorship-and-resettlement", "employment-and-skills",
                        "media-and-public-attitudes", "local-strategy-and-governance", "equality-and-rights", "youth-and-schools"))
                .body("items.find { it.slug == 'social-contact-and-mixing' }.children.slug",
                        hasItems("school-linking", "mixed-tenure-housing", "volunteering", "sport"))
                .body("items.find { it.slug == 'language-learning' }.children.slug", hasItems("esol", "heritage-languages"))
                .body("items.find { it.slug == 'social-contact-and-mixing' }.caseStudyCount", greaterThanOrEqualTo(3));
    }

    @Test
    void countsRollUpAndCountEachCaseStudyOnce() {
        String parent = createApproach(null);
        String child = createApproach(parent);
        create(caseStudy(child));
        Map<String, Object> both = caseStudy(child);
        both.put("approaches", List.of(child, parent));
        create(both);
        Map<String, Object> draft = caseStudy(parent);
        draft.put("status", "draft");
        create(draft);

        given().when().get("/api/v1/approaches")
                .then().statusCode(200)
                .body("items.find { it.slug == '" + parent + "' }.caseStudyCount", equalTo(2))
                .body("items.find { it.slug == '" + parent + "' }.children[0].slug", equalTo(child))
                .body("items.find { it.slug == '" + parent + "' }.children[0].caseStudyCount", equalTo(2));
    }

    @Test
    void anApproachShowsItsPlaceInTheTreeAndItsCaseStudies() {
        String parent = createApproach(null);
        String child = createApproach(parent);
        String tagged = create(caseStudy(child));

        given().when().get("/api/v1/approaches/" + parent)
                .then().statusCode(200)
                .body("parent", nullValue())
                .body("children.slug", equalTo(List.of(child)))
                .body("caseStudies.items.slug", equalTo(List.of(tagged)))
                .body("caseStudies.total", equalTo(1));
        given().when().get("/api/v1/approaches/" + child)
                .then().statusCode(200)
                .body("parent.slug", equalTo(parent))
                .body("children", hasSize(0));
        given().when().get("/api/v1/approaches/school-linking")
                .then().statusCode(200)
                .body("parent.slug", equalTo("social-contact-and-mixing"))
                .body("caseStudies.items.place.name", hasItem("Bradford"));
    }

    @Test
    void anApproachCanBeCreatedReplacedAndDeleted() {
        String slug = unique("approach");
        given().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Community cafés", "definition", "Places to meet.", "parent", "social-contact-and-mixing"))
                .when().post("/api/v1/approaches")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/approaches/" + slug))
                .body("name", equalTo("Community cafés"))
                .body("parent.slug", equalTo("social-contact-and-mixing"))
                .body("version", equalTo(0));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Community cafés and kitchens", "definition", "Places to meet and cook."))
                .when().put("/api/v1/approaches/" + slug)
                .then().statusCode(200)
                .body("name", equalTo("Community cafés and kitchens"))
                .body("parent", nullValue())
                .body("version", equalTo(1));

        given().when().delete("/api/v1/approaches/" + slug).then().statusCode(204);
        given().when().get("/api/v1/approaches/" + slug).then().statusCode(404)
                .body("detail", equalTo("There is no approach with the slug \"" + slug + "\"."));
    }

    @Test
    void theSlugIsDerivedFromTheName() {
        String name = "Welcome Dinners " + unique("x");
        given().contentType(ContentType.JSON).body(Map.of("name", name, "definition", "Shared meals."))
                .when().post("/api/v1/approaches")
                .then().statusCode(201)
                .body("slug", equalTo(name.toLowerCase().replace(' ', '-')));
    }

    @Test
    void anApproachInUseCannotBeDeleted() {
        String parent = createApproach(null);
        String child = createApproach(parent);
        given().when().delete("/api/v1/approaches/" + parent)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/in-use"))
                .body("detail", containsString("has 1 narrower approach(es)"));

        create(caseStudy(child));
        given().when().delete("/api/v1/approaches/" + child)
                .then().statusCode(409)
                .body("type", equalTo("/problems/in-use"))
                .body("detail", equalTo("The approach \"" + child + "\" is used by 1 case study. Retag them before deleting it."));
        given().when().get("/api/v1/approaches/" + child).then().statusCode(200);
    }

    @Test
    void withdrawnCaseStudiesDoNotKeepAnApproachAlive() {
        String approach = createApproach(null);
        String other = createApproach(null);
        Map<String, Object> body = caseStudy(approach);
        body.put("approaches", List.of(approach, other));
        String slug = create(body);
        given().when().delete("/api/v1/case-studies/" + slug).then().statusCode(204);

        given().when().delete("/api/v1/approaches/" + approach).then().statusCode(204);
        given().when().get("/api/v1/approaches/" + approach).then().statusCode(404);
        given().when().delete("/api/v1/approaches/" + other).then().statusCode(204);
    }

    @Test
    void concurrentCreatesOfOneSlugGiveOneApproachAndConflicts() throws Exception {
        String slug = unique("approach");
        List<Integer> statuses = org.integrationevidence.TestData.concurrently(8, () -> given().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Raced", "definition", "Created by several requests at once."))
                .when().post("/api/v1/approaches").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
    }

    @Test
    void theTreeCannotBeMadeCyclic() {
        String parent = createApproach(null);
        String child = createApproach(parent);
        given().contentType(ContentType.JSON).body(Map.of("name", "Loop", "definition", "A loop.", "parent", child))
                .when().put("/api/v1/approaches/" + parent)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("parent"))
                .body("errors[0].message", equalTo("cannot be the approach itself or one of its narrower approaches"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Self", "definition", "Itself.", "parent", parent))
                .when().put("/api/v1/approaches/" + parent)
                .then().statusCode(400);
    }

    @Test
    void badApproachInputIsReported() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Orphan", "definition", "No parent.", "parent", "no-such-approach"))
                .when().post("/api/v1/approaches")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("parent"))
                .body("errors[0].message", equalTo("\"no-such-approach\" is not an approach in the taxonomy; see GET /api/v1/approaches"));
        given().contentType(ContentType.JSON).body(Map.of("slug", "sport", "name", "Sport again", "definition", "Duplicate."))
                .when().post("/api/v1/approaches")
                .then().statusCode(409)
                .body("type", equalTo("/problems/slug-taken"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(121), "definition", ""))
                .when().post("/api/v1/approaches")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("definition", "name")));
        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "definition", "x", "slug", "another"))
                .when().put("/api/v1/approaches/sport")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("slug"));
        given().contentType(ContentType.JSON).body(Map.of("name", "N", "definition", "D", "caseStudyCount", 3))
                .when().post("/api/v1/approaches")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("caseStudyCount"))
                .body("errors[0].message", equalTo("is set by the server and cannot be written"));
        given().when().get("/api/v1/approaches/no-such-approach").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
