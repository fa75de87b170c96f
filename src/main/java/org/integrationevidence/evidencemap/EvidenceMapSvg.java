package org.integrationevidence.evidencemap;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.integrationevidence.casestudy.EvidenceLevel;
import org.integrationevidence.search.EvidenceMap;

/**
 * An evidence gap map as a standalone SVG document ({@value #MEDIA_TYPE}) that a researcher can put into a report: a
 * heat map of case studies per cell, rows labelled on the left and columns on top, and a legend.
 *
 * <p>Each non-empty cell is shaded by its number of case studies ({@link Shade}) and shows that number, the strongest
 * evidence level among them ("L3") and the direction most of its findings report, as a shape that reads without colour
 * ({@link Direction}, with its rule for ties). An empty cell, a gap, is white with a dashed border. Every cell is a
 * {@code <g>} with a {@code <title>} that says all this in words; a long label is wrapped and cut, with the whole label
 * in a {@code <title>}. The root carries {@code role="img"} and is labelled by its {@code <title>} and {@code <desc>},
 * which come first.
 *
 * <p>Sized for A4: one unit of the viewBox is a quarter of a millimetre, so that a map of up to 20 columns is at most
 * 720 units, 180 mm, wide, and its smallest text, 10 units, prints at 2.5 mm (about 9.5 CSS pixels). Wider maps keep
 * the narrowest cell and grow past 180 mm. No fonts, scripts or styles are loaded from anywhere.
 */
public final class EvidenceMapSvg {

    public static final String MEDIA_TYPE = "image/svg+xml";

    private static final double MM_PER_UNIT = 0.25;
    private static final double MAX_WIDTH = 720;
    private static final double MIN_WIDTH = 440;
    private static final double MARGIN = 12;
    private static final double GUTTER = 6;
    private static final double ROW_LABEL_WIDTH = 170;
    private static final double MIN_CELL = 26;
    private static final double MAX_CELL = 64;
    /** From this cell width on, the level and the direction share a line. */
    private static final double ONE_LINE_CELL = 36;
    private static final double TEXT = 10;
    private static final double LABEL = 10.5;
    private static final double COUNT = 12;
    private static final double TITLE = 14;
    private static final double LINE = 12;
    private static final double MAX_COLUMN_LABEL = 130;
    private static final String FONT = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif";
    private static final String INK = "#1f2328";
    private static final String MUTED = "#59636e";
    private static final String GAP_BORDER = "#8c959f";
    private static final String GROUP_RULE = "#59636e";

    private EvidenceMapSvg() {
    }

    /** The map without links, for a document that stands on its own. */
    public static String render(EvidenceMap map, String title, String description) {
        return render(map, title, description, null);
    }

    /**
     * The map, each non-empty cell linking to the search that lists its case studies, resolved against base (the
     * API's public address) so that the links work from wherever the document is opened; without base, no links.
     */
    public static String render(EvidenceMap map, String title, String description, URI base) {
        Objects.requireNonNull(map, "map");
        return new Layout(map, title == null || title.isBlank() ? "Evidence gap map" : title.strip(),
                description == null ? "" : description.strip(), base).write();
    }

    /** One rendering: the sizes it settled on and the writer it writes with. */
    private static final class Layout {

        private final EvidenceMap map;
        private final String title;
        private final String description;
        private final URI base;
        private final List<EvidenceMap.Value> rows;
        private final List<EvidenceMap.Value> columns;
        private final Map<String, EvidenceMap.Cell> cells = new HashMap<>();
        private final SvgWriter svg = new SvgWriter();

        private final double cellWidth;
        private final double cellHeight;
        private final boolean rotatedColumns;
        private final double width;

        Layout(EvidenceMap map, String title, String description, URI base) {
            this.map = map;
            this.title = title;
            this.description = description;
            this.base = base;
            this.rows = values(map.rows());
            this.columns = values(map.columns());
            if (map.cells() != null) {
                for (EvidenceMap.Cell cell : map.cells()) {
                    cells.putIfAbsent(cell.row() + "\u0000" + cell.column(), cell);
                }
            }
            double room = MAX_WIDTH - 2 * MARGIN - ROW_LABEL_WIDTH - GUTTER;
            cellWidth = columns.isEmpty() ? MAX_CELL
                    : Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(room / columns.size())));
            cellHeight = cellWidth >= ONE_LINE_CELL ? 40 : 48;
            rotatedColumns = columns.stream().anyMatch(value -> columnLines(value, false).size() > 3
                    || columnLines(value, false).stream().anyMatch(line -> line.endsWith("…")));
            width = Math.max(MIN_WIDTH, 2 * MARGIN + ROW_LABEL_WIDTH + GUTTER + columns.size() * cellWidth);
        }

        String write() {
            // The height is known only at the end: the body is laid out first, then the root written around it.
            Body body = new Body();
            double y = body.titleBlock(MARGIN);
            if (rows.isEmpty() || columns.isEmpty()) {
                y = body.nothingToMap(y);
            } else {
                y = body.grid(y);
            }
            y = body.legend(y + 16);
            double height = Math.ceil(y + MARGIN);
            svg.startRoot("viewBox", "0 0 " + SvgWriter.number(width) + " " + SvgWriter.number(height),
                    "width", SvgWriter.number(width * MM_PER_UNIT) + "mm",
                    "height", SvgWriter.number(height * MM_PER_UNIT) + "mm",
                    "role", "img", "aria-labelledby", "evidence-map-title evidence-map-desc",
                    "font-family", FONT, "fill", INK);
            svg.text("title", title, "id", "evidence-map-title");
            svg.text("desc", (description.isEmpty() ? "" : description + " ") + summary(), "id", "evidence-map-desc");
            svg.empty("rect", "width", "100%", "height", "100%", "fill", "#ffffff");
            body.replay();
            return svg.finish();
        }

        private String summary() {
            long total = (long) rows.size() * columns.size();
            long empty = 0;
            for (EvidenceMap.Value row : rows) {
                for (EvidenceMap.Value column : columns) {
                    if (caseStudies(cellAt(row, column)) == 0) {
                        empty++;
                    }
                }
            }
            String axes = "Rows: " + axisName(map.rows()) + "; columns: " + axisName(map.columns()) + ".";
            if (total == 0) {
                return axes + " Nothing to map: an axis has no values in this selection.";
            }
            return axes + " " + plural(map.caseStudies(), "case study", "case studies") + " and "
                    + plural(map.findings(), "finding", "findings") + " selected; " + empty + " of " + total
                    + " cells are empty (gaps).";
        }

        private EvidenceMap.Cell cellAt(EvidenceMap.Value row, EvidenceMap.Value column) {
            return cells.get(row.key() + "\u0000" + column.key());
        }

        private List<String> columnLines(EvidenceMap.Value column, boolean rotated) {
            return rotated
                    ? TextFit.wrap(label(column), TextFit.characters(MAX_COLUMN_LABEL, TEXT), 2)
                    : TextFit.wrap(label(column), TextFit.characters(cellWidth - 4, TEXT), 3);
        }

        /**
         * What the document draws, recorded as it is laid out and written once the height is known. A list of
         * steps rather than a buffer of text, so that every value still goes through the writer's escaping.
         */
        private final class Body {

            private final List<Runnable> steps = new java.util.ArrayList<>();

            void replay() {
                steps.forEach(Runnable::run);
            }

            double titleBlock(double top) {
                double y = top + TITLE;
                List<String> lines = TextFit.wrap(title, TextFit.characters(width - 2 * MARGIN, TITLE), 3);
                for (String line : lines) {
                    double baseline = y;
                    steps.add(() -> svg.text("text", line, "x", MARGIN, "y", baseline, "font-size", TITLE,
                            "font-weight", "bold"));
                    y += TITLE + 4;
                }
                String axes = "Rows: " + axisName(map.rows()) + ". Columns: " + axisName(map.columns()) + ".";
                for (String line : TextFit.wrap(axes, TextFit.characters(width - 2 * MARGIN, TEXT), 2)) {
                    double baseline = y;
                    steps.add(() -> svg.text("text", line, "x", MARGIN, "y", baseline, "font-size", TEXT, "fill", MUTED));
                    y += LINE;
                }
                return y;
            }

            double nothingToMap(double top) {
                String which = rows.isEmpty() && columns.isEmpty() ? "rows or columns"
                        : rows.isEmpty() ? "rows (" + axisName(map.rows()) + ")" : "columns (" + axisName(map.columns()) + ")";
                String message = "Nothing to map: this selection has no " + which + ".";
                double y = top + 24;
                for (String line : TextFit.wrap(message, TextFit.characters(width - 2 * MARGIN, LABEL), 3)) {
                    double baseline = y;
                    steps.add(() -> svg.text("text", line, "x", MARGIN, "y", baseline, "font-size", LABEL));
                    y += LINE + 2;
                }
                return y;
            }

            double grid(double top) {
                double header = columnHeader(top + 10);
                double gridLeft = MARGIN + ROW_LABEL_WIDTH + GUTTER;
                double gridTop = top + 10 + header;
                steps.add(() -> svg.start("g", "aria-label", "cells"));
                for (int r = 0; r < rows.size(); r++) {
                    EvidenceMap.Value row = rows.get(r);
                    double y = gridTop + r * cellHeight;
                    rowLabel(row, y);
                    for (int c = 0; c < columns.size(); c++) {
                        cell(row, columns.get(c), gridLeft + c * cellWidth, y);
                    }
                }
                steps.add(svg::end);
                groupRules(gridLeft, top + 10, gridTop);
                double bottom = gridTop + rows.size() * cellHeight;
                if (map.caseStudies() == 0) {
                    double baseline = bottom + 16;
                    steps.add(() -> svg.text("text", "No case studies match this selection: every cell is a gap.",
                            "x", gridLeft, "y", baseline, "font-size", TEXT, "fill", MUTED));
                    bottom += 16;
                }
                return bottom;
            }

            /** The column labels: across while each fits its cell in three lines, otherwise turned to read upwards. */
            private double columnHeader(double top) {
                double gridLeft = MARGIN + ROW_LABEL_WIDTH + GUTTER;
                double height = 0;
                for (EvidenceMap.Value column : columns) {
                    List<String> lines = columnLines(column, rotatedColumns);
                    double extent = rotatedColumns
                            ? lines.stream().mapToDouble(line -> TextFit.width(line, TEXT)).max().orElse(0)
                            : lines.size() * LINE;
                    height = Math.max(height, extent + 6);
                }
                double bottom = top + height;
                steps.add(() -> svg.start("g", "font-size", TEXT, "text-anchor", rotatedColumns ? "start" : "middle"));
                for (int c = 0; c < columns.size(); c++) {
                    EvidenceMap.Value column = columns.get(c);
                    List<String> lines = columnLines(column, rotatedColumns);
                    double centre = gridLeft + c * cellWidth + cellWidth / 2;
                    steps.add(() -> {
                        svg.start("g");
                        svg.text("title", label(column));
                        if (rotatedColumns) {
                            // Turned a quarter to the left, each line's baseline runs up its column, the block centred.
                            double x = centre + 3.5 - (lines.size() - 1) * LINE / 2;
                            svg.start("text", "transform", "translate(" + SvgWriter.number(x) + " "
                                    + SvgWriter.number(bottom - 4) + ") rotate(-90)");
                            for (int i = 0; i < lines.size(); i++) {
                                svg.text("tspan", lines.get(i), "x", 0, "y", i * LINE);
                            }
                        } else {
                            svg.start("text");
                            double first = bottom - 4 - (lines.size() - 1) * LINE;
                            for (int i = 0; i < lines.size(); i++) {
                                svg.text("tspan", lines.get(i), "x", centre, "y", first + i * LINE);
                            }
                        }
                        svg.end();
                        svg.end();
                    });
                }
                steps.add(svg::end);
                return height;
            }

            private void rowLabel(EvidenceMap.Value row, double top) {
                List<String> lines = TextFit.wrap(label(row), TextFit.characters(ROW_LABEL_WIDTH, LABEL), 3);
                double right = MARGIN + ROW_LABEL_WIDTH;
                double first = top + cellHeight / 2 + 3.5 - (lines.size() - 1) * (LINE - 0.5) / 2;
                steps.add(() -> {
                    svg.start("g");
                    svg.text("title", label(row));
                    svg.start("text", "font-size", LABEL, "text-anchor", "end");
                    for (int i = 0; i < lines.size(); i++) {
                        svg.text("tspan", lines.get(i), "x", right, "y", first + i * (LINE - 0.5));
                    }
                    svg.end();
                    svg.end();
                });
            }

            private void cell(EvidenceMap.Value row, EvidenceMap.Value column, double x, double y) {
                EvidenceMap.Cell cell = cellAt(row, column);
                long count = caseStudies(cell);
                Shade shade = Shade.of(count);
                String description = cellText(row, column, cell);
                String link = count > 0 && base != null && cell.search() != null ? base.resolve(cell.search()).toString() : null;
                double w = cellWidth - 2;
                double h = cellHeight - 2;
                double centre = x + cellWidth / 2;
                steps.add(() -> {
                    if (link != null) {
                        svg.startLink(link);
                    }
                    svg.start("g", "data-row", row.key(), "data-column", column.key());
                    svg.text("title", description);
                    if (count == 0) {
                        svg.empty("rect", "x", x + 1.5, "y", y + 1.5, "width", w - 1, "height", h - 1, "fill", shade.fill,
                                "stroke", GAP_BORDER, "stroke-width", 0.75, "stroke-dasharray", "2 2");
                    } else {
                        svg.empty("rect", "x", x + 1, "y", y + 1, "width", w, "height", h, "fill", shade.fill,
                                "stroke", "#6baed6", "stroke-width", 0.5);
                        marks(cell, shade, centre, y);
                    }
                    svg.end();
                    if (link != null) {
                        svg.end();
                    }
                });
            }

            /** The count, the strongest level and the direction's shape, on two lines or, in a narrow cell, three. */
            private void marks(EvidenceMap.Cell cell, Shade shade, double centre, double top) {
                svg.text("text", String.valueOf(cell.caseStudies()), "x", centre, "y", top + 15, "font-size", COUNT,
                        "font-weight", "bold", "text-anchor", "middle", "fill", shade.ink);
                Direction direction = Direction.dominant(cell.directions());
                String level = cell.highestLevel() == null ? null : "L" + cell.highestLevel();
                if (cellWidth >= ONE_LINE_CELL) {
                    if (level != null && direction != null) {
                        svg.text("text", level, "x", centre - 1, "y", top + 31, "font-size", TEXT, "text-anchor", "end",
                                "fill", shade.ink);
                        shape(direction, centre + 6, top + 27.5, shade.ink);
                    } else if (level != null) {
                        svg.text("text", level, "x", centre, "y", top + 31, "font-size", TEXT, "text-anchor", "middle",
                                "fill", shade.ink);
                    } else if (direction != null) {
                        shape(direction, centre, top + 27.5, shade.ink);
                    }
                } else {
                    if (level != null) {
                        svg.text("text", level, "x", centre, "y", top + 28.5, "font-size", TEXT, "text-anchor", "middle",
                                "fill", shade.ink);
                    }
                    if (direction != null) {
                        shape(direction, centre, top + 38.5, shade.ink);
                    }
                }
            }

            /** The vertical and horizontal rules where the parent (the group) of neighbouring values changes. */
            private void groupRules(double gridLeft, double headerTop, double gridTop) {
                double gridBottom = gridTop + rows.size() * cellHeight;
                double gridRight = gridLeft + columns.size() * cellWidth;
                for (int c = 1; c < columns.size(); c++) {
                    if (newGroup(columns.get(c - 1), columns.get(c))) {
                        double x = gridLeft + c * cellWidth;
                        steps.add(() -> svg.empty("line", "x1", x, "y1", headerTop, "x2", x, "y2", gridBottom,
                                "stroke", GROUP_RULE, "stroke-width", 1.25));
                    }
                }
                for (int r = 1; r < rows.size(); r++) {
                    if (newGroup(rows.get(r - 1), rows.get(r))) {
                        double y = gridTop + r * cellHeight;
                        steps.add(() -> svg.empty("line", "x1", MARGIN, "y1", y, "x2", gridRight, "y2", y,
                                "stroke", GROUP_RULE, "stroke-width", 1.25));
                    }
                }
            }

            /** The legend: shades, direction marks and the level mark, each row flowing onto a new line when full. */
            double legend(double top) {
                double[] at = {MARGIN, top + 10};
                steps.add(() -> svg.start("g", "font-size", TEXT, "aria-label", "legend"));
                heading("Case studies in a cell:", at);
                for (Shade shade : Shade.values()) {
                    item(shade.legend, at, (x, y) -> {
                        if (shade == Shade.GAP) {
                            svg.empty("rect", "x", x + 0.5, "y", y - 8.5, "width", 13, "height", 11, "fill", shade.fill,
                                    "stroke", GAP_BORDER, "stroke-width", 0.75, "stroke-dasharray", "2 2");
                        } else {
                            svg.empty("rect", "x", x, "y", y - 9, "width", 14, "height", 12, "fill", shade.fill,
                                    "stroke", "#6baed6", "stroke-width", 0.5);
                        }
                    });
                }
                newLine(at);
                heading("Most findings:", at);
                for (Direction direction : Direction.values()) {
                    item(direction.legend, at, (x, y) -> shape(direction, x + 7, y - 3.5, INK));
                }
                newLine(at);
                heading("L1–L5:", at);
                item("the strongest evidence level among the case studies, from L1 (described) to L5"
                        + " (independently replicated)", at, null);
                newLine(at);
                steps.add(svg::end);
                return at[1] - LINE;
            }

            private void heading(String text, double[] at) {
                double x = at[0];
                double y = at[1];
                steps.add(() -> svg.text("text", text, "x", x, "y", y, "font-weight", "bold"));
                at[0] += TextFit.width(text, TEXT) + 6;
            }

            /** A legend entry: a symbol 14 units wide (if any) and its text, moved to a new line when it would overflow. */
            private void item(String text, double[] at, Symbol symbol) {
                double symbolWidth = symbol == null ? 0 : 18;
                double textWidth = TextFit.width(text, TEXT);
                double available = width - MARGIN - MARGIN;
                if (at[0] + symbolWidth + Math.min(textWidth, available) > width - MARGIN && at[0] > MARGIN + 60) {
                    at[0] = MARGIN + 12;
                    at[1] += LINE + 4;
                }
                double x = at[0];
                double y = at[1];
                List<String> lines = TextFit.wrap(text, TextFit.characters(width - MARGIN - x - symbolWidth, TEXT), 3);
                steps.add(() -> {
                    if (symbol != null) {
                        symbol.draw(x, y);
                    }
                    for (int i = 0; i < lines.size(); i++) {
                        svg.text("text", lines.get(i), "x", x + symbolWidth, "y", y + i * LINE);
                    }
                });
                at[0] = x + symbolWidth + lines.stream().mapToDouble(line -> TextFit.width(line, TEXT)).max().orElse(0) + 12;
                at[1] += (lines.size() - 1) * LINE;
            }

            private void newLine(double[] at) {
                at[0] = MARGIN;
                at[1] += LINE + 8;
            }

            /** A direction's mark: an 8-unit shape centred on (cx, cy). */
            private void shape(Direction direction, double cx, double cy, String colour) {
                switch (direction) {
                    case IMPROVED -> svg.empty("path", "d", path(cx - 4.5, cy + 3.5, cx + 4.5, cy + 3.5, cx, cy - 4.5),
                            "fill", colour);
                    case WORSENED -> svg.empty("path", "d", path(cx - 4.5, cy - 3.5, cx + 4.5, cy - 3.5, cx, cy + 4.5),
                            "fill", colour);
                    case MIXED -> svg.empty("path", "d", path(cx, cy - 4.5, cx + 4.5, cy, cx, cy + 4.5, cx - 4.5, cy),
                            "fill", colour);
                    case NO_CHANGE -> svg.empty("circle", "cx", cx, "cy", cy, "r", 3.75, "fill", colour);
                    case NOT_REPORTED -> svg.empty("circle", "cx", cx, "cy", cy, "r", 3.25, "fill", "none",
                            "stroke", colour, "stroke-width", 1.25);
                }
            }
        }

        /** The words of a cell's title: "Sport × Bridges: 2 case studies, 2 findings (2 improved), strongest level 2 …". */
        private static String cellText(EvidenceMap.Value row, EvidenceMap.Value column, EvidenceMap.Cell cell) {
            String where = label(row) + " × " + label(column) + ": ";
            if (caseStudies(cell) == 0) {
                return where + "no case studies (a gap)";
            }
            StringBuilder text = new StringBuilder(where).append(plural(cell.caseStudies(), "case study", "case studies"))
                    .append(", ").append(plural(cell.findings(), "finding", "findings"));
            Direction dominant = Direction.dominant(cell.directions());
            if (dominant != null) {
                StringBuilder counts = new StringBuilder();
                for (Direction direction : Direction.values()) {
                    long count = Direction.count(cell.directions(), direction);
                    if (count > 0) {
                        counts.append(counts.isEmpty() ? "" : ", ").append(count).append(' ').append(direction == Direction.MIXED
                                ? "mixed" : direction.legend);
                    }
                }
                text.append(" (").append(counts).append("; ").append(dominant.mark).append(' ').append(dominant.phrase())
                        .append(')');
            }
            if (cell.highestLevel() != null) {
                text.append(", strongest level ").append(levelName(cell.highestLevel()));
            }
            if (cell.medianLevel() != null) {
                text.append(", median level ").append(levelName(cell.medianLevel()));
            }
            return text.toString();
        }
    }

    /** Draws a legend entry's symbol at the start of its baseline. */
    @FunctionalInterface
    private interface Symbol {
        void draw(double x, double y);
    }

    private static List<EvidenceMap.Value> values(EvidenceMap.Axis axis) {
        return axis == null || axis.values() == null ? List.of() : axis.values();
    }

    private static long caseStudies(EvidenceMap.Cell cell) {
        return cell == null ? 0 : cell.caseStudies();
    }

    private static boolean newGroup(EvidenceMap.Value before, EvidenceMap.Value after) {
        return before.parent() != null && after.parent() != null && !before.parent().equals(after.parent());
    }

    private static String label(EvidenceMap.Value value) {
        return value.label() == null || value.label().isBlank() ? value.key() : value.label();
    }

    private static String levelName(int level) {
        return level >= 1 && level <= 5 ? level + " (" + EvidenceLevel.of(level).label + ")" : String.valueOf(level);
    }

    private static String axisName(EvidenceMap.Axis axis) {
        if (axis == null) {
            return "none";
        }
        String name = switch (String.valueOf(axis.dimension())) {
            case "approach" -> "approach";
            case "outcomeDomain" -> "outcome domain";
            case "theme" -> "theme";
            case "targetGroup" -> "target group";
            case "country" -> "country";
            default -> String.valueOf(axis.dimension());
        };
        if (axis.depth() == null) {
            return name;
        }
        if ("outcomeDomain".equals(axis.dimension())) {
            return name + (axis.depth() == 1 ? " groups" : "s");
        }
        return name + " (level " + axis.depth() + " of the taxonomy)";
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String path(double... points) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.length; i += 2) {
            d.append(i == 0 ? "M" : " L").append(SvgWriter.number(points[i])).append(' ').append(SvgWriter.number(points[i + 1]));
        }
        return d.append(" Z").toString();
    }
}
