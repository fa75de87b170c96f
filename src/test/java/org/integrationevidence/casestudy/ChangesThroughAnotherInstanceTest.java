package org.integrationevidence.casestudy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reads of a case study changed through another instance sharing the database, which this instance hears of only
 * from the database. In process, since the change is made directly in the database; TwoInstancesIT does the same
 * with two real servers on PostgreSQL.
 */
@QuarkusTest
class ChangesThroughAnotherInstanceTest {

    @Inject
    EntityManager entityManager;

    @AfterEach
    void actAnonymously() {
        TestKeys.actAnonymously();
    }

    @Test
    void aChangeCommittedThroughAnotherInstanceIsServedWithinTwoSeconds() {
        // Another instance sharing the database commits without telling this one: the state of a published case
        // study that this instance reuses between reads must not hide such a change for long (1 s, see
        // CaseStudyService.publishedState). Simulated here by changing the row directly, as that instance would.
        TestKeys.actAsEditor();
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();
        String url = "/api/v1/case-studies/" + slug;
        String etag = given().when().get(url).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get(url).then().statusCode(304);

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update case_study set summary = ?1, version = version + 1 where slug = ?2")
                .setParameter(1, "Changed through another instance.").setParameter(2, slug).executeUpdate());

        long deadline = System.nanoTime() + 2_000_000_000L;
        int status;
        do {
            status = given().header("If-None-Match", etag).when().get(url).then().extract().statusCode();
        } while (status == 304 && System.nanoTime() < deadline);
        assertEquals(200, status, "the changed case study was still answered 304 two seconds after the change");
        given().when().get(url).then().statusCode(200)
                .header("ETag", startsWith("\"1."))
                .body("summary", equalTo("Changed through another instance."));
    }

    @Test
    void aCaseStudyWithdrawnThroughAnotherInstanceLeavesTheListAtOnce() {
        // The index here learns of the withdrawal only at its next poll of the journal, and a first page searched
        // before is kept for the same snapshot: the database's word must still take it off the very next page.
        TestKeys.actAsEditor();
        String approach = createApproach(null);
        String slug = create(caseStudy(approach));
        TestKeys.actAnonymously();
        String list = "/api/v1/case-studies?approach=" + approach;
        given().when().get(list).then().statusCode(200).body("items.slug", hasItem(slug));
        given().when().get(list).then().statusCode(200).body("items.slug", hasItem(slug));

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update case_study set status = 'WITHDRAWN', version = version + 1 where slug = ?1")
                .setParameter(1, slug).executeUpdate());

        given().when().get(list).then().statusCode(200).body("items.slug", not(hasItem(slug)));
    }
}
