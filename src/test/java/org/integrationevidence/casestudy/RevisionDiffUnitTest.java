package org.integrationevidence.casestudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.integrationevidence.casestudy.RevisionDiff.Change;
import org.junit.jupiter.api.Test;

class RevisionDiffUnitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void equalSnapshotsHaveNoChanges() throws Exception {
        String snapshot = "{\"title\": \"A\", \"place\": {\"name\": \"Bradford\"}, \"themes\": [\"health\"]}";
        assertEquals(new RevisionDiff(2, 3, List.of()), diff(2, 3, snapshot, snapshot));
    }

    @Test
    void aChangedFieldIsListedWithBothValues() throws Exception {
        assertEquals(List.of(new Change("/title", json("\"Old\""), json("\"New\""))),
                diff(1, 2, "{\"title\": \"Old\", \"summary\": \"S\"}", "{\"title\": \"New\", \"summary\": \"S\"}")
                        .changes());
    }

    @Test
    void nestedObjectsAreComparedMemberByMember() throws Exception {
        assertEquals(List.of(new Change("/place/name", json("\"Bradford\""), json("\"Leeds\""))),
                diff(1, 2, "{\"place\": {\"name\": \"Bradford\", \"countryCode\": \"GB\"}}",
                        "{\"place\": {\"name\": \"Leeds\", \"countryCode\": \"GB\"}}").changes());
    }

    @Test
    void listsAreComparedWhole() throws Exception {
        assertEquals(List.of(new Change("/approaches", json("[\"sport\", \"school-linking\"]"),
                json("[\"sport\", \"mentoring\"]"))),
                diff(1, 2, "{\"approaches\": [\"sport\", \"school-linking\"]}",
                        "{\"approaches\": [\"sport\", \"mentoring\"]}").changes());
        assertEquals(List.of(new Change("/sources", json("[{\"title\": \"A\"}]"), json("[{\"title\": \"B\"}]"))),
                diff(1, 2, "{\"sources\": [{\"title\": \"A\"}]}", "{\"sources\": [{\"title\": \"B\"}]}").changes());
    }

    @Test
    void aValueAddedOrRemovedIsNullOnTheSideWithout() throws Exception {
        assertEquals(List.of(new Change("/period", null, json("{\"startYear\": 2005}")),
                new Change("/licence", json("\"CC-BY-4.0\""), null)),
                diff(1, 2, "{\"period\": null, \"licence\": \"CC-BY-4.0\"}", "{\"period\": {\"startYear\": 2005}}")
                        .changes());
    }

    @Test
    void anAbsentFieldAndANullOneAreTheSame() throws Exception {
        assertEquals(List.of(), diff(1, 2, "{\"period\": null}", "{}").changes());
        assertEquals(List.of(), diff(1, 2, "{\"place\": {\"region\": null}}", "{\"place\": {}}").changes());
    }

    @Test
    void anObjectReplacedByAnotherValueIsOneChange() throws Exception {
        assertEquals(List.of(new Change("/place", json("{\"name\": \"Bradford\"}"), json("\"Bradford\""))),
                diff(1, 2, "{\"place\": {\"name\": \"Bradford\"}}", "{\"place\": \"Bradford\"}").changes());
    }

    @Test
    void aFirstRevisionIsComparedWithNothing() throws Exception {
        assertEquals(new RevisionDiff(0, 1, List.of(new Change("/title", null, json("\"A\"")),
                new Change("/place", null, json("{\"name\": \"Bradford\"}")))),
                diff(0, 1, "{}", "{\"title\": \"A\", \"place\": {\"name\": \"Bradford\"}}"));
    }

    @Test
    void changesFollowTheOrderOfTheOlderSnapshotsFieldsThenTheNewOnes() throws Exception {
        RevisionDiff diff = diff(1, 2, "{\"b\": 1, \"a\": 1, \"c\": 1}", "{\"d\": 2, \"c\": 2, \"a\": 2, \"b\": 2}");
        assertEquals(List.of("/b", "/a", "/c", "/d"), diff.changes().stream().map(Change::path).toList());
    }

    @Test
    void pathsAreJsonPointers() throws Exception {
        assertEquals(List.of("/a~1b", "/m~0n", "/x/~01"), diff(1, 2, "{\"a/b\": 1, \"m~n\": 1, \"x\": {\"~1\": 1}}",
                "{\"a/b\": 2, \"m~n\": 2, \"x\": {\"~1\": 2}}").changes().stream().map(Change::path).toList());
    }

    /** The bounds of the OpenAPI document hold for a diff of two case studies that differ in every field. */
    @Test
    void aDiffOfEveryFieldKeepsWithinItsBounds() {
        ObjectNode before = JSON.createObjectNode();
        ObjectNode after = JSON.createObjectNode();
        int leaves = 0;
        for (RecordComponent field : CaseStudyInput.class.getRecordComponents()) {
            if (field.getType().isRecord()) {
                for (RecordComponent member : field.getType().getRecordComponents()) {
                    before.withObject("/" + field.getName()).put(member.getName(), "before");
                    after.withObject("/" + field.getName()).put(member.getName(), "after");
                    leaves++;
                }
            } else {
                before.put(field.getName(), "before");
                after.put(field.getName(), "after");
                leaves++;
            }
        }
        List<Change> changes = RevisionDiff.between(1, 2, before, after).changes();
        assertEquals(leaves, changes.size());
        assertTrue(changes.size() <= RevisionDiff.MAX_CHANGES, changes.size() + " changes");
        for (Change change : changes) {
            assertTrue(change.path().length() <= RevisionDiff.MAX_PATH, change.path());
        }
        assertTrue(changes.stream().anyMatch(change -> change.path().length() == RevisionDiff.MAX_PATH));
    }

    private static RevisionDiff diff(int from, int to, String before, String after) throws Exception {
        return RevisionDiff.between(from, to, json(before), json(after));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
