package org.integrationevidence.evidencemap;

import java.util.Map;

import org.integrationevidence.search.EvidenceMap;

/** The title and description a map carries where it is shown on its own (the SVG's title and desc). */
final class EvidenceMapTexts {

    private static final Map<String, String> DIMENSION_NAMES = Map.of("approach", "approach", "outcomeDomain",
            "outcome domain", "theme", "theme", "targetGroup", "target group", "country", "country");

    private EvidenceMapTexts() {
    }

    static String title(EvidenceMap map) {
        return "Evidence gap map: " + name(map.rows()) + " by " + name(map.columns());
    }

    static String description(EvidenceMap map) {
        long empty = map.cells().stream().filter(cell -> cell.caseStudies() == 0).count();
        return map.caseStudies() + " case studies and " + map.findings() + " findings of the Integration Evidence Repository, "
                + map.rows().values().size() + " rows by " + map.columns().values().size() + " columns; " + empty + " of "
                + map.cells().size() + " cells have no case study. Classifications into approaches and outcome domains are "
                + "the repository's. Licence of the data: CC BY 4.0 unless a case study says otherwise.";
    }

    private static String name(EvidenceMap.Axis axis) {
        String name = DIMENSION_NAMES.getOrDefault(axis.dimension(), axis.dimension());
        if (axis.dimension().equals("outcomeDomain") && Integer.valueOf(1).equals(axis.depth())) {
            return "outcome domain group";
        }
        return name;
    }
}
