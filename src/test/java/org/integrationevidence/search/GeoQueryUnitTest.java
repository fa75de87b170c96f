package org.integrationevidence.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.integrationevidence.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parsing of bbox, near, radius and similarPlace, and the messages of bad values. */
class GeoQueryUnitTest {

    private static List<FieldError> errorsOf(String bbox, String near, String radius, String similarPlace) {
        List<FieldError> errors = new ArrayList<>();
        GeoQuery.parse(bbox, near, radius, similarPlace, errors);
        return errors;
    }

    @Test
    void nothingGivenIsNoFilter() {
        List<FieldError> errors = new ArrayList<>();
        assertTrue(GeoQuery.parse(null, " ", "", null, errors).isEmpty());
        assertEquals(List.of(), errors);
    }

    @Test
    void aBoxIsWestSouthEastNorth() {
        List<FieldError> errors = new ArrayList<>();
        GeoQuery geo = GeoQuery.parse(" -2.2, 53.5,-1.5,54 ", null, null, null, errors);
        assertEquals(List.of(), errors);
        assertEquals(new GeoQuery.BoundingBox(-2.2, 53.5, -1.5, 54), geo.bbox());
        assertEquals(false, geo.bbox().crossesAntimeridian());
    }

    @Test
    void aBoxWithWestEastOfEastCrossesTheAntimeridian() {
        List<FieldError> errors = new ArrayList<>();
        GeoQuery geo = GeoQuery.parse("170,-20,-170,20", null, null, null, errors);
        assertEquals(List.of(), errors);
        assertTrue(geo.bbox().crossesAntimeridian());
    }

    @Test
    void nearWithAndWithoutRadius() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(new GeoQuery.Near(53.79, -1.75, null), GeoQuery.parse(null, "53.79,-1.75", null, null, errors).near());
        assertEquals(new GeoQuery.Near(53.79, -1.75, 20000.0), GeoQuery.parse(null, "53.79,-1.75", "20000", null, errors).near());
        assertEquals(new GeoQuery.Near(-90, 180, 0.5), GeoQuery.parse(null, "-90,180", "0.5", null, errors).near());
        assertEquals(List.of(), errors);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-2,-95,-1,50   | bbox | south must be a latitude from -90 to 90; it is -95",
        "-2,54,-1,53    | bbox | south (54.0) must not be above north (53.0)",
        "-181,53,-1,54  | bbox | west must be a longitude from -180 to 180; it is -181",
        "-2,53,-1       | bbox | must be 4 numbers separated by commas: west,south,east,north, such as -2.1,53.7,-1.6,53.9",
        "-2,53,-1,x     | bbox | \"x\" is not a number; it must be 4 numbers separated by commas: west,south,east,north, such as -2.1,53.7,-1.6,53.9",
        "0x1,53,-1,54   | bbox | \"0x1\" is not a number; it must be 4 numbers separated by commas: west,south,east,north, such as -2.1,53.7,-1.6,53.9",
        "Infinity,1,2,3 | bbox | \"Infinity\" is not a number; it must be 4 numbers separated by commas: west,south,east,north, such as -2.1,53.7,-1.6,53.9"})
    void badBoxes(String bbox, String field, String message) {
        assertEquals(List.of(new FieldError(field, message)), errorsOf(bbox, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "91,0         |        | near   | the latitude must be a latitude from -90 to 90; it is 91",
        "0,-180.5     |        | near   | the longitude must be a longitude from -180 to 180; it is -180.5",
        "NaN,0        |        | near   | \"NaN\" is not a number; it must be 2 numbers separated by commas: lat,lon, such as 53.79,-1.75",
        "53.8,-1.75   | 0      | radius | must be more than 0 and at most 20000 (kilometres); it is 0",
        "53.8,-1.75   | -5     | radius | must be more than 0 and at most 20000 (kilometres); it is -5",
        "53.8,-1.75   | 20001  | radius | must be more than 0 and at most 20000 (kilometres); it is 20001",
        "53.8,-1.75   | 5km    | radius | \"5km\" is not a number of kilometres",
        "             | 10     | radius | needs near, the point to measure from"})
    void badPointsAndRadii(String near, String radius, String field, String message) {
        assertEquals(List.of(new FieldError(field, message)), errorsOf(null, near, radius, null));
    }

    @Test
    void aBadRadiusLeavesNoPoint() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(GeoQuery.parse(null, "53.8,-1.75", "0", null, errors).near());
    }

    @Test
    void similarPlaceIsASlug() {
        assertEquals(List.of(), errorsOf(null, null, null, "bradford-bangladeshi-women-football"));
        assertEquals("similarPlace", errorsOf(null, null, null, "Bradford Football").get(0).field());
        assertEquals("similarPlace", errorsOf(null, null, null, "a".repeat(81)).get(0).field());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertEquals(List.of("bbox", "near", "radius", "similarPlace"),
                errorsOf("1,2,3", "100,0", "-1", "x_y").stream().map(FieldError::field).toList());
    }
}
