package org.integrationevidence.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusIntegrationTest;

import org.integrationevidence.NodeScripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GeoJSON of a list, searches, an export and one case study, checked by an independent validator
 * (@placemarkio/check-geojson, run by src/test/browser/geojson.mjs) against the packaged application and its seed
 * data. Needs Node.js, not Chromium; skipped with the reason without it (see {@link NodeScripts}).
 */
@QuarkusIntegrationTest
class GeoJsonIT {

    @BeforeAll
    static void install() throws Exception {
        NodeScripts.install();
    }

    @Test
    void everyGeoJsonAnswerValidates() throws Exception {
        String output = NodeScripts.node("geojson.mjs", Map.of());
        assertTrue(output.contains("ok - near Bradford: the Bradford case studies first"), output);
    }
}
