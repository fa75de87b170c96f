package org.integrationevidence.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.problem.FieldError;
import org.junit.jupiter.api.Test;

class CsvColumnsUnitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void columnsAreTheJsonPathsOfTheFields() {
        List<FieldError> errors = new ArrayList<>();
        CsvColumns columns = CsvColumns.ofHeader(List.of("slug", " title ", "place.name", "period.startYear",
                "approaches", "sources[0].title", "sources[19].fromReaderComments"), errors);
        assertEquals(List.of(), errors);
        assertEquals(7, columns.size());
    }

    @Test
    void anUnknownColumnIsAnErrorOnRow1NamingTheKnownOnes() {
        List<FieldError> errors = new ArrayList<>();
        CsvColumns.ofHeader(List.of("title", "Title", "place", "sources[20].title", "sources[01].title",
                "sources[0].name", "sources[0]"), errors);
        assertEquals(List.of("Title", "place", "sources[20].title", "sources[01].title", "sources[0].name",
                "sources[0]"), errors.stream().map(FieldError::field).toList());
        for (FieldError error : errors) {
            assertEquals(1, error.row());
            assertTrue(error.message().startsWith("is not a known column; the columns are slug, title, summary, body, "
                    + "place.name, "), error.message());
            assertTrue(error.message().endsWith(", sources[i].title, sources[i].author, sources[i].publisher, "
                    + "sources[i].publishedOn, sources[i].url, sources[i].contribution, sources[i].fromReaderComments, "
                    + "sources[i].doi, sources[i].handle, sources[i].isbn "
                    + "for i from 0 to 19, and findings[i].domain, findings[i].statement, findings[i].direction, "
                    + "findings[i].evidence.level, findings[i].evidence.rationale, findings[i].sources for i from 0 to 19"),
                    error.message());
        }
    }

    @Test
    void aColumnTwiceIsAnErrorOnRow1() {
        List<FieldError> errors = new ArrayList<>();
        CsvColumns.ofHeader(List.of("title", "sources[0].url", " title", "sources[0].url"), errors);
        assertEquals(List.of(new FieldError(1, "title", "is a column twice"),
                new FieldError(1, "sources[0].url", "is a column twice")), errors);
    }

    @Test
    void aRowBecomesTheJsonOfACaseStudy() throws Exception {
        assertEquals(JSON.readTree("""
                {"slug": "a", "title": "A title", "place": {"name": "Bradford", "countryCode": "GB"},
                 "period": {"startYear": 2005, "ongoing": true}, "evidence": {"level": 3}}
                """), row(List.of("slug", "title", "place.name", "place.countryCode", "period.startYear",
                        "period.ongoing", "evidence.level"),
                List.of("a", "A title", "Bradford", "GB", "2005", "true", "3")));
    }

    @Test
    void anEmptyCellLeavesItsFieldOut() throws Exception {
        assertEquals(JSON.readTree("{\"title\": \"A\"}"),
                row(List.of("slug", "title", "place.name", "themes"), List.of("", "A", "", "")));
    }

    @Test
    void textIsKeptAsWritten() throws Exception {
        assertEquals(JSON.readTree("{\"title\": \"  A title \", \"body\": \"line 1\\nline 2\"}"),
                row(List.of("title", "body"), List.of("  A title ", "line 1\nline 2")));
    }

    @Test
    void listsAreSeparatedByBarsAndTheirItemsStripped() throws Exception {
        assertEquals(JSON.readTree("{\"approaches\": [\"sport\", \"school-linking\"], \"themes\": [\"health\"],"
                + " \"outcomes\": [\"a\", \"\", \"b\"]}"),
                row(List.of("approaches", "themes", "outcomes"),
                        List.of(" sport | school-linking", "health", "a||b ")));
    }

    @Test
    void numbersBooleansAndNestedFieldsHaveTheirTypes() throws Exception {
        JsonNode row = row(List.of("place.latitude", "place.longitude", "period.endYear", "period.ongoing"),
                List.of(" 53.7955 ", "-1.759", "-12", "FALSE"));
        assertEquals(JSON.readTree("{\"place\": {\"latitude\": 53.7955, \"longitude\": -1.759},"
                + " \"period\": {\"endYear\": -12, \"ongoing\": false}}"), row);
        assertTrue(row.at("/period/endYear").isInt());
        assertTrue(row.at("/place/latitude").isDouble());
    }

    @Test
    void findingsGoToTheirPlaceWithTheirSourcesAsIndexes() throws Exception {
        assertEquals(JSON.readTree("{\"findings\": [{\"domain\": \"bridges\", \"direction\": \"improved\","
                + " \"evidence\": {\"level\": 2}, \"sources\": [{\"index\": 0}, {\"index\": 2}]}, {\"statement\": \"Second.\"}],"
                + " \"evaluation\": {\"design\": \"before-after\", \"independent\": true}, \"cost\": {\"band\": 2}}"),
                row(List.of("findings[0].domain", "findings[1].statement", "findings[0].direction", "findings[0].evidence.level",
                        "findings[0].sources", "evaluation.design", "evaluation.independent", "cost.band"),
                        List.of("bridges", "Second.", "improved", "2", "0|2", "before-after", "true", "2")));
        // An index that is not a number stays text, for the case study's check to name: findings[0].sources[0].index.
        assertEquals(JSON.readTree("{\"findings\": [{\"sources\": [{\"index\": \"first\"}]}]}"),
                row(List.of("findings[0].sources"), List.of("first")));
    }

    @Test
    void sourcesGoToTheirPlaceInTheList() throws Exception {
        assertEquals(JSON.readTree("{\"sources\": [{\"title\": \"First\", \"url\": \"https://example.org\"}, null,"
                + " {\"title\": \"Third\", \"fromReaderComments\": true}]}"),
                row(List.of("sources[2].title", "sources[0].title", "sources[2].fromReaderComments", "sources[0].url"),
                        List.of("Third", "First", "true", "https://example.org")));
    }

    @Test
    void aCellThatIsNotItsFieldsTypeIsAnErrorOfItsColumn() {
        List<String> header = List.of("period.startYear", "period.endYear", "place.latitude", "place.longitude",
                "period.ongoing", "sources[1].fromReaderComments", "evidence.level");
        List<FieldError> errors = new ArrayList<>();
        JsonNode json = CsvColumns.ofHeader(header, new ArrayList<>())
                .toJson(List.of("2005.0", "1234567890", "1e5", "1234.5", "yes", "1", "three"), errors);
        assertEquals(List.of(
                new FieldError("period.startYear", "must be a whole number"),
                new FieldError("period.endYear", "must be a whole number"),
                new FieldError("place.latitude", "must be a decimal number such as 53.7955"),
                new FieldError("place.longitude", "must be a decimal number such as 53.7955"),
                new FieldError("period.ongoing", "must be true or false"),
                new FieldError("sources[1].fromReaderComments", "must be true or false"),
                new FieldError("evidence.level", "must be a whole number")), errors);
        assertEquals(JSON.createObjectNode(), json);
    }

    @Test
    void numbersHaveBoundedDigits() throws Exception {
        assertEquals(JSON.readTree("{\"period\": {\"startYear\": 999999999},"
                + " \"place\": {\"latitude\": -123.123456789012345}}"),
                row(List.of("period.startYear", "place.latitude"), List.of("999999999", "-123.123456789012345")));
        List<FieldError> errors = new ArrayList<>();
        CsvColumns.ofHeader(List.of("place.latitude"), new ArrayList<>()).toJson(List.of("1.1234567890123456"), errors);
        assertEquals(List.of(new FieldError("place.latitude", "must be a decimal number such as 53.7955")), errors);
    }

    /** The JSON of one row under this header, which must have no errors. */
    private static JsonNode row(List<String> header, List<String> cells) {
        List<FieldError> errors = new ArrayList<>();
        CsvColumns columns = CsvColumns.ofHeader(header, errors);
        JsonNode json = columns.toJson(cells, errors);
        assertEquals(List.of(), errors);
        return json;
    }
}
