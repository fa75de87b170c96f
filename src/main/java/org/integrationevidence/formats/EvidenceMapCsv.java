package org.integrationevidence.formats;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.search.EvidenceMap;

/** An evidence gap map as CSV: one row per cell, empty cells included, for spreadsheets. */
final class EvidenceMapCsv {

    private EvidenceMapCsv() {
    }

    static void write(Writer out, EvidenceMap map) throws IOException {
        List<String> header = new ArrayList<>(List.of(map.rows().dimension(), map.rows().dimension() + "Label",
                map.columns().dimension(), map.columns().dimension() + "Label", "caseStudies", "findings"));
        for (Direction direction : Direction.values()) {
            header.add("direction." + direction);
        }
        header.addAll(List.of("highestLevel", "medianLevel", "search"));
        CaseStudyCsv.writeRow(out, header);
        Map<String, String> rowLabels = labels(map.rows());
        Map<String, String> columnLabels = labels(map.columns());
        for (EvidenceMap.Cell cell : map.cells()) {
            List<String> row = new ArrayList<>(List.of(cell.row(), rowLabels.get(cell.row()), cell.column(),
                    columnLabels.get(cell.column()), Long.toString(cell.caseStudies()), Long.toString(cell.findings())));
            for (Direction direction : Direction.values()) {
                row.add(Long.toString(cell.directions().getOrDefault(direction.toString(), 0L)));
            }
            row.add(Objects.toString(cell.highestLevel(), ""));
            row.add(Objects.toString(cell.medianLevel(), ""));
            row.add(cell.search());
            CaseStudyCsv.writeRow(out, row);
        }
    }

    private static Map<String, String> labels(EvidenceMap.Axis axis) {
        Map<String, String> labels = new HashMap<>();
        axis.values().forEach(value -> labels.put(value.key(), value.label()));
        return labels;
    }
}
