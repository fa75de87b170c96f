package org.integrationevidence.formats;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.integrationevidence.approach.ApproachNode;
import org.integrationevidence.http.Page;

/** The approach taxonomy as CSV: one row per approach, parents before their children, in the tree's order. */
final class TaxonomyRows {

    static final List<String> COLUMNS = List.of("slug", "name", "definition", "broader", "narrower", "caseStudyCount");

    private TaxonomyRows() {
    }

    /** The top-level approaches of a taxonomy page; anything else in it is a programming error. */
    static List<ApproachNode> nodes(Page<?> page) {
        List<ApproachNode> nodes = new ArrayList<>();
        for (Object item : page.items()) {
            if (!(item instanceof ApproachNode node)) {
                throw new IllegalArgumentException("Only the approach taxonomy is served as JSON-LD or CSV among pages");
            }
            nodes.add(node);
        }
        return nodes;
    }

    static void write(Writer out, List<ApproachNode> roots) throws IOException {
        CaseStudyCsv.writeRow(out, COLUMNS);
        write(out, roots, "");
    }

    private static void write(Writer out, List<ApproachNode> nodes, String broader) throws IOException {
        for (ApproachNode node : nodes) {
            CaseStudyCsv.writeRow(out, List.of(node.slug(), node.name(), node.definition() == null ? "" : node.definition(),
                    broader, node.children().stream().map(ApproachNode::slug).collect(Collectors.joining(CaseStudyCsv.LIST_SEPARATOR)),
                    Long.toString(node.caseStudyCount())));
            write(out, node.children(), node.slug());
        }
    }
}
