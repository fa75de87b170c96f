package org.integrationevidence.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.integrationevidence.TestData.unique;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.persistence.ServerSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The index's life beside the database: rebuilt when missing, unreadable or from an older mapping, and caught up
 * from the change journal after being closed or when another instance writes. White-box only in how it provokes
 * these situations (closing the index, damaging its files, writing as another instance would); every check is a
 * search over HTTP.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class SearchIndexLifecycleTest {

    private static final String LIST = "/api/v1/case-studies";

    @Inject
    SearchIndex index;

    @Inject
    EntityManager entityManager;

    @Inject
    ServerSecrets secrets;

    @AfterEach
    void reopen() {
        index.open();
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheDatabase() throws IOException {
        String word = word("heron");
        String slug = create(titled(word));
        index.close();
        deleteRecursively(index.directory());
        index.open();
        given().queryParam("q", word).when().get(LIST).then().statusCode(200).body("items.slug", contains(slug));
    }

    @Test
    void anUnreadableIndexIsRebuilt() throws IOException {
        String word = word("otter");
        String slug = create(titled(word));
        index.close();
        try (Stream<Path> files = Files.list(index.directory())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, "not a Lucene commit".getBytes());
            }
        }
        index.open();
        given().queryParam("q", word).when().get(LIST).then().statusCode(200).body("items.slug", contains(slug));
    }

    @Test
    void anIndexBuiltByAnOlderMappingIsRebuilt() throws IOException {
        String ghostWord = word("ghost");
        index.close();
        deleteRecursively(index.directory());
        // An index from an older version of the mapping, holding a document the database never had.
        try (FSDirectory directory = FSDirectory.open(index.directory());
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document ghost = new Document();
            ghost.add(new StringField(CaseStudyDocuments.ID, "987654321", Field.Store.YES));
            ghost.add(new StringField(CaseStudyDocuments.STATUS, "published", Field.Store.NO));
            ghost.add(new TextField(CaseStudyDocuments.TITLE, ghostWord, Field.Store.YES));
            writer.addDocument(ghost);
            writer.setLiveCommitData(Map.of("mappingVersion", "0", "journalWatermark", "0").entrySet());
            writer.commit();
        }
        index.open();
        given().queryParam("q", ghostWord).when().get(LIST).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void writesCommittedWhileTheIndexWasClosedAppearWhenItReopens() {
        String approach = createApproach(null);
        index.close();
        given().header("X-Request-Id", "while-closed").when().get(LIST).then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("/problems/unavailable"))
                .body("requestId", equalTo("while-closed")); // a server fault names the request to quote
        String first = create(caseStudy(approach));
        String second = create(caseStudy(approach));
        index.open();
        given().queryParam("approach", approach).queryParam("sort", "title").when().get(LIST)
                .then().statusCode(200).body("total", equalTo(2));
        given().queryParam("approach", approach).when().get(LIST)
                .then().statusCode(200).body("items.slug", contains(second, first));
    }

    @Test
    void writesOfAnotherInstanceAreFollowedThroughTheJournal() throws InterruptedException {
        String slug = create(caseStudy(createApproach(null)));
        String word = word("heron");
        // What another instance sharing the database does: change the row and journal it, with no word to this one.
        QuarkusTransaction.requiringNew().run(() -> {
            Number id = (Number) entityManager.createNativeQuery("select id from case_study where slug = ?1")
                    .setParameter(1, slug).getSingleResult();
            entityManager.createNativeQuery("update case_study set title = ?1 where id = ?2")
                    .setParameter(1, "Changed elsewhere: " + word).setParameter(2, id.longValue()).executeUpdate();
            entityManager.createNativeQuery("insert into change_journal (case_study_id, recorded_at) values (?1, ?2)")
                    .setParameter(1, id.longValue()).setParameter(2, Instant.now()).executeUpdate();
        });
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        int found = 0;
        while (found == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = given().queryParam("q", word).when().get(LIST).then().statusCode(200).extract().path("total");
        }
        given().queryParam("q", word).when().get(LIST).then().body("items.slug", contains(slug));
    }

    @Test
    void anExpiredCursorIsRefused() {
        String issuedTwoDaysAgo = Long.toString(Instant.now().minus(Duration.ofDays(2)).getEpochSecond());
        SearchRequest request = new SearchParameters().toRequest(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .unwrap(io.smallrye.config.SmallRyeConfig.class).getConfigMapping(org.integrationevidence.config.EvidenceConfig.class));
        String cursor = Cursor.encode(secrets.get("cursor-key"), "s1", request.sort().parameter(), request.fingerprint(), "0",
                issuedTwoDaysAgo, "1", "some-slug", "1");
        given().queryParam("cursor", cursor).when().get(LIST)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"))
                .body("errors[0].message", equalTo("has expired; start again from the first page"));
    }

    private static Map<String, Object> titled(String word) {
        Map<String, Object> body = caseStudy(createApproach(null));
        body.put("title", "About the " + word);
        return body;
    }

    private static String word(String prefix) {
        return unique(prefix).replace("-", "");
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

}
