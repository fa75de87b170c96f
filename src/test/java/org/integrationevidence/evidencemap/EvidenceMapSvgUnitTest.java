package org.integrationevidence.evidencemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.integrationevidence.search.EvidenceMap;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The evidence map as SVG, read back as XML: what a screen reader, a report and a reader of the links get. */
class EvidenceMapSvgUnitTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final List<String> DOMAINS = List.of("work", "housing", "education", "health-and-social-care", "leisure",
            "bonds", "bridges", "links", "language-and-communication", "culture", "digital-skills", "safety", "stability",
            "rights-and-responsibilities");
    private static final String HOSTILE = "Sport <script>alert(1)</script> & \"friends\" </text>";

    @Test
    void theDocumentIsWellFormedSvgLabelledByItsTitleAndDescriptionFirst() throws Exception {
        String svg = EvidenceMapSvg.render(fourteenByTwelve(), "Approaches by outcome domain", "All published case studies.");
        Element root = parse(svg).getDocumentElement();

        assertEquals("svg", root.getLocalName());
        assertEquals(SVG, root.getNamespaceURI());
        assertEquals("img", root.getAttribute("role"));
        List<Element> children = children(root);
        assertEquals("title", children.get(0).getLocalName(), "the title comes first");
        assertEquals("desc", children.get(1).getLocalName(), "the description comes second");
        assertEquals("Approaches by outcome domain", children.get(0).getTextContent());
        assertTrue(children.get(1).getTextContent().startsWith("All published case studies. Rows: approach"),
                children.get(1).getTextContent());
        assertEquals(children.get(0).getAttribute("id") + " " + children.get(1).getAttribute("id"),
                root.getAttribute("aria-labelledby"));
        assertFalse(svg.contains("<script") || svg.contains("@import") || svg.contains("url("),
                "no script, no style sheet, no font from anywhere");
    }

    @Test
    void everyCellIsAGroupWithATitleThatSaysWhatItHolds() throws Exception {
        EvidenceMap map = fourteenByTwelve();
        Document document = parse(EvidenceMapSvg.render(map, "Map", ""));

        List<Element> cells = cells(document);
        assertEquals(14 * 12, cells.size());
        for (int i = 0; i < cells.size(); i++) {
            EvidenceMap.Cell cell = map.cells().get(i);
            assertEquals(cell.row(), cells.get(i).getAttribute("data-row"));
            assertEquals(cell.column(), cells.get(i).getAttribute("data-column"));
            assertEquals("title", children(cells.get(i)).get(0).getLocalName(), "a cell's title is its first child");
        }
        assertEquals("Sport × Bridges: 2 case studies, 2 findings (2 improved; ▲ mostly improved), strongest level 2"
                + " (Outcomes reported), median level 1 (Described)", title(cell(document, "sport", "bridges")));
        assertEquals("Sport × Work: no case studies (a gap)", title(cell(document, "sport", "work")));
        assertEquals(List.of("2", "L2"), texts(cell(document, "sport", "bridges")), "the count and the strongest level");
        assertEquals(List.of(), texts(cell(document, "sport", "work")), "a gap shows nothing but its dashed border");
        assertEquals("2 2", rect(cell(document, "sport", "work")).getAttribute("stroke-dasharray"));
        assertEquals("#ffffff", rect(cell(document, "sport", "work")).getAttribute("fill"));
        assertEquals("#bdd7e7", rect(cell(document, "sport", "bridges")).getAttribute("fill"));
        assertEquals("#08519c", rect(cell(document, "row-11", "safety")).getAttribute("fill"), "12 case studies: the darkest");
    }

    @Test
    void theDirectionMarkIsAShapeWhoseRuleIsWritten() {
        assertEquals(Direction.IMPROVED, Direction.dominant(directions(3, 1, 0, 0, 5)), "not reported counts last");
        assertEquals(Direction.MIXED, Direction.dominant(directions(2, 0, 0, 2, 0)), "a tie is mixed");
        assertEquals(Direction.NO_CHANGE, Direction.dominant(directions(2, 0, 3, 2, 0)), "the most wins over a tie below it");
        assertEquals(Direction.NOT_REPORTED, Direction.dominant(directions(0, 0, 0, 0, 2)));
        assertNull(Direction.dominant(directions(0, 0, 0, 0, 0)), "no findings, no mark");

        String svg = EvidenceMapSvg.render(map(List.of(value("a", "A")), List.of(value("b", "B")),
                List.of(cell("a", "b", 1, 4, directions(1, 1, 0, 1, 1), 3, 3))), "Map", "");
        assertTrue(svg.contains("A × B: 1 case study, 4 findings (1 improved, 1 worsened, 1 mixed, 1 not reported;"
                + " ◆ mixed or no single direction leads), strongest level 3 (Change measured)"), svg);
        assertTrue(svg.contains("<path d=\"M"), "the mark is drawn, not a glyph of some font");
    }

    @Test
    void labelsFromEditorsAreEscapedAndComeBackWhole() throws Exception {
        EvidenceMap map = map(List.of(value("sport", HOSTILE)), List.of(value("bridges", "Bridges & <links>")),
                List.of(cell("sport", "bridges", 1, 1, directions(1, 0, 0, 0, 0), 2, 2)));
        String svg = EvidenceMapSvg.render(map, "A <title> & \"quotes\"", "Made by <b>me</b> & co.",
                URI.create("https://evidence.example.org"));

        Document document = parse(svg);
        assertEquals("A <title> & \"quotes\"", children(document.getDocumentElement()).get(0).getTextContent());
        assertTrue(children(document.getDocumentElement()).get(1).getTextContent().startsWith("Made by <b>me</b> & co."));
        assertEquals(HOSTILE + " × Bridges & <links>: 1 case study, 1 finding (1 improved; ▲ mostly improved), strongest"
                + " level 2 (Outcomes reported), median level 2 (Outcomes reported)", title(cell(document, "sport", "bridges")));
        assertTrue(titles(document).contains(HOSTILE), "the row label's whole text is its title");
        assertFalse(svg.contains("<script"), "no element of a label reaches the document");
        assertFalse(svg.contains("<b>") || svg.contains("<links>") || svg.contains("</text> &"));
        assertTrue(svg.contains("&lt;script&gt;"), svg);
        assertEquals(0, document.getElementsByTagNameNS("*", "script").getLength());
    }

    @Test
    void charactersXmlCannotCarryAreReplaced() throws Exception {
        EvidenceMap map = map(List.of(value("a", "Bell\u0007 and \uD800 lone")), List.of(value("b", "B")),
                List.of(cell("a", "b", 0, 0, directions(0, 0, 0, 0, 0), null, null)));
        Document document = parse(EvidenceMapSvg.render(map, "Map\u0000", ""));
        assertTrue(titles(document).contains("Bell\uFFFD and \uFFFD lone"));
    }

    @Test
    void nonEmptyCellsLinkToTheirCaseStudiesWhenABaseIsGiven() throws Exception {
        String svg = EvidenceMapSvg.render(fourteenByTwelve(), "Map", "", URI.create("https://evidence.example.org/"));
        Document document = parse(svg);

        NodeList links = document.getElementsByTagNameNS(SVG, "a");
        long nonEmpty = fourteenByTwelve().cells().stream().filter(cell -> cell.caseStudies() > 0).count();
        assertEquals(nonEmpty, links.getLength());
        Element sport = (Element) cell(document, "sport", "bridges").getParentNode();
        assertEquals("a", sport.getLocalName());
        assertEquals("https://evidence.example.org/api/v1/case-studies?approach=sport&outcomeDomain=bridges",
                sport.getAttribute("href"));
        assertEquals(sport.getAttribute("href"), sport.getAttributeNS("http://www.w3.org/1999/xlink", "href"));
        assertTrue(svg.contains("approach=sport&amp;outcomeDomain=bridges"));
        assertEquals(0, parse(EvidenceMapSvg.render(fourteenByTwelve(), "Map", "")).getElementsByTagNameNS(SVG, "a").getLength(),
                "without a base there are no links, which would lead nowhere from a file");
    }

    @Test
    void theLegendExplainsShadesMarksAndLevels() throws Exception {
        Document document = parse(EvidenceMapSvg.render(fourteenByTwelve(), "Map", ""));
        Element legend = byLabel(document, "legend");

        String text = legend.getTextContent();
        for (String expected : List.of("Case studies in a cell:", "none (a gap)", "1", "2", "3–4", "5–9", "10 or more",
                "Most findings:", "improved", "worsened", "mixed, or no single direction leads", "no change", "not reported",
                "L1–L5:", "the strongest evidence level")) {
            assertTrue(text.contains(expected), "the legend says " + expected + ": " + text);
        }
        assertEquals(Shade.values().length, legend.getElementsByTagNameNS(SVG, "rect").getLength());
        assertEquals(Direction.values().length, legend.getElementsByTagNameNS(SVG, "path").getLength()
                + legend.getElementsByTagNameNS(SVG, "circle").getLength());
    }

    @Test
    void fourteenColumnsFitTheWidthOfAnA4PageWithTextOfNineAndAHalfPixels() throws Exception {
        Element root = parse(EvidenceMapSvg.render(fourteenByTwelve(), "Map", "")).getDocumentElement();

        String[] viewBox = root.getAttribute("viewBox").split(" ");
        double width = Double.parseDouble(viewBox[2]);
        assertTrue(width <= 720, "viewBox width " + width);
        double millimetres = Double.parseDouble(root.getAttribute("width").replace("mm", ""));
        assertTrue(millimetres <= 180, root.getAttribute("width"));
        double smallest = millimetres / width * smallestFontSize(root);
        assertTrue(smallest / 0.2646 >= 9, "the smallest text is " + smallest / 0.2646 + " CSS pixels at this size");
        assertEquals(millimetres / width, Double.parseDouble(root.getAttribute("height").replace("mm", ""))
                / Double.parseDouble(viewBox[3]), 0.001, "width and height keep the viewBox's proportions");

        Element twenty = parse(EvidenceMapSvg.render(map(rows(3), columns(20), List.of()), "Map", "")).getDocumentElement();
        assertTrue(Double.parseDouble(twenty.getAttribute("width").replace("mm", "")) <= 180, "twenty columns fit too");
    }

    @Test
    void aOneByOneMapHasItsCellLabelsAndLegend() throws Exception {
        EvidenceMap map = map(List.of(value("sport", "Sport")), List.of(value("bridges", "Bridges")),
                List.of(cell("sport", "bridges", 3, 4, directions(0, 4, 0, 0, 0), 4, 3)));
        Document document = parse(EvidenceMapSvg.render(map, "One cell", ""));

        assertEquals(1, cells(document).size());
        assertEquals(List.of("3", "L4"), texts(cell(document, "sport", "bridges")));
        assertTrue(titles(document).containsAll(List.of("Sport", "Bridges")));
        assertTrue(document.getDocumentElement().getTextContent().contains("Most findings:"));
    }

    @Test
    void aSelectionWithoutCaseStudiesShowsEveryCellAsAGap() throws Exception {
        List<EvidenceMap.Cell> empty = new ArrayList<>();
        for (EvidenceMap.Value row : rows(3)) {
            for (EvidenceMap.Value column : columns(4)) {
                empty.add(cell(row.key(), column.key(), 0, 0, directions(0, 0, 0, 0, 0), null, null));
            }
        }
        String svg = EvidenceMapSvg.render(map(rows(3), columns(4), empty), "Nothing", "", URI.create("https://e.example/"));
        Document document = parse(svg);

        assertEquals(12, cells(document).size());
        assertTrue(cells(document).stream().allMatch(cell -> title(cell).endsWith(": no case studies (a gap)")));
        assertEquals(0, document.getElementsByTagNameNS(SVG, "a").getLength(), "a gap links nowhere");
        assertTrue(svg.contains("No case studies match this selection: every cell is a gap."));
        assertTrue(svg.contains("0 case studies and 0 findings selected; 12 of 12 cells are empty (gaps)."));
    }

    @Test
    void anEmptyAxisSaysThereIsNothingToMap() throws Exception {
        Document noRows = parse(EvidenceMapSvg.render(map(List.of(), columns(4), List.of()), "No rows", ""));
        assertEquals(0, cells(noRows).size());
        assertTrue(shown(noRows).contains("Nothing to map: this selection has no rows (approach (level 1 of the taxonomy))."),
                shown(noRows));

        Document nothing = parse(EvidenceMapSvg.render(map(List.of(), List.of(), null), null, null));
        assertEquals("Evidence gap map", children(nothing.getDocumentElement()).get(0).getTextContent());
        assertTrue(shown(nothing).contains("this selection has no rows or columns"), shown(nothing));
        assertTrue(nothing.getDocumentElement().getTextContent().contains("Case studies in a cell:"), "the legend stays");
    }

    @Test
    void aLongLabelIsWrappedAndCutWithTheWholeLabelInItsTitle() throws Exception {
        String longLabel = "Community sponsorship of refugee families by local volunteer groups with council support and"
                + " faith organisations";
        Document document = parse(EvidenceMapSvg.render(map(List.of(value("long", longLabel)), columns(14), List.of()), "Map", ""));

        assertTrue(titles(document).contains(longLabel));
        Element label = (Element) children(labelGroup(document, longLabel)).get(1);
        List<Element> lines = children(label);
        assertEquals(3, lines.size(), "at most three lines");
        assertTrue(lines.get(2).getTextContent().endsWith("…"), lines.get(2).getTextContent());
        assertEquals(List.of("Community", "sponsorship of", "refugee…"), TextFit.wrap(longLabel, 14, 3));
        assertEquals(List.of("Supercalifragi", "listic"), TextFit.wrap("Supercalifragilistic", 14, 3), "a long word is cut");
    }

    @Test
    void theSameMapMakesTheSameDocument() {
        EvidenceMap map = fourteenByTwelve();
        URI base = URI.create("https://evidence.example.org");
        String first = EvidenceMapSvg.render(map, "Map", "Same", base);

        assertEquals(first, EvidenceMapSvg.render(fourteenByTwelve(), "Map", "Same", base));
        List<EvidenceMap.Cell> shuffled = new ArrayList<>(map.cells());
        Collections.reverse(shuffled);
        assertEquals(first, EvidenceMapSvg.render(new EvidenceMap(map.rows(), map.columns(), shuffled, map.caseStudies(),
                map.findings()), "Map", "Same", base), "cells are placed by their row and column, not their order");
        assertFalse(Pattern.compile("\\d,\\d|E-?\\d").matcher(first.replaceAll("<title>[^<]*</title>|<desc>[^<]*</desc>", ""))
                .find(), "numbers are written the same in every locale");
    }

    // The fixture: twelve approaches by the fourteen outcome domains, a few cells filled.

    private static EvidenceMap fourteenByTwelve() {
        List<EvidenceMap.Value> rows = new ArrayList<>(List.of(value("sport", "Sport")));
        rows.addAll(rows(12).subList(1, 12));
        List<EvidenceMap.Value> columns = DOMAINS.stream().map(key -> new EvidenceMap.Value(key,
                Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('-', ' '), key.equals("bonds")
                        || key.equals("bridges") || key.equals("links") ? "social-connections" : "other")).toList();
        List<EvidenceMap.Cell> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                String row = rows.get(r).key();
                String column = columns.get(c).key();
                int count = (r * 3 + c * 5) % 7 == 0 ? 0 : (r + c) % 5;
                if (row.equals("sport")) {
                    count = column.equals("bridges") ? 2 : 0;
                }
                if (row.equals("row-11") && column.equals("safety")) {
                    count = 12;
                }
                Map<String, Long> directions = count == 0 ? directions(0, 0, 0, 0, 0)
                        : row.equals("sport") ? directions(2, 0, 0, 0, 0) : directions(count, c % 2, 0, r % 2, 1);
                cells.add(cell(row, column, count, Direction.count(directions, Direction.IMPROVED)
                        + Direction.count(directions, Direction.WORSENED) + Direction.count(directions, Direction.NO_CHANGE)
                        + Direction.count(directions, Direction.NOT_REPORTED), directions, count == 0 ? null : row.equals("sport") ? 2 : 1 + (r + c) % 5,
                        count == 0 ? null : 1));
            }
        }
        return new EvidenceMap(new EvidenceMap.Axis("approach", 1, rows), new EvidenceMap.Axis("outcomeDomain", 2, columns),
                cells, 40, 90);
    }

    private static List<EvidenceMap.Value> rows(int count) {
        List<EvidenceMap.Value> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(value("row-" + i, "Approach number " + i));
        }
        return rows;
    }

    private static List<EvidenceMap.Value> columns(int count) {
        List<EvidenceMap.Value> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            columns.add(value("column-" + i, "Domain " + i));
        }
        return columns;
    }

    private static EvidenceMap map(List<EvidenceMap.Value> rows, List<EvidenceMap.Value> columns, List<EvidenceMap.Cell> cells) {
        long caseStudies = cells == null ? 0 : cells.stream().mapToLong(EvidenceMap.Cell::caseStudies).sum();
        long findings = cells == null ? 0 : cells.stream().mapToLong(EvidenceMap.Cell::findings).sum();
        return new EvidenceMap(new EvidenceMap.Axis("approach", 1, rows), new EvidenceMap.Axis("outcomeDomain", 2, columns),
                cells, caseStudies, findings);
    }

    private static EvidenceMap.Value value(String key, String label) {
        return new EvidenceMap.Value(key, label, null);
    }

    private static EvidenceMap.Cell cell(String row, String column, long caseStudies, long findings,
            Map<String, Long> directions, Integer highest, Integer median) {
        return new EvidenceMap.Cell(row, column, caseStudies, findings, directions, highest, median,
                "/api/v1/case-studies?approach=" + row + "&outcomeDomain=" + column);
    }

    private static Map<String, Long> directions(long improved, long worsened, long noChange, long mixed, long notReported) {
        Map<String, Long> directions = new LinkedHashMap<>();
        directions.put("improved", improved);
        directions.put("mixed", mixed);
        directions.put("no-change", noChange);
        directions.put("worsened", worsened);
        directions.put("not-reported", notReported);
        return directions;
    }

    // Reading the document back.

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Node parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> cells(Document document) {
        return elements(document, "g").stream().filter(g -> g.hasAttribute("data-row")).toList();
    }

    private static Element cell(Document document, String row, String column) {
        return cells(document).stream()
                .filter(g -> g.getAttribute("data-row").equals(row) && g.getAttribute("data-column").equals(column))
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + row + " × " + column));
    }

    private static Element byLabel(Document document, String label) {
        return elements(document, "g").stream().filter(g -> g.getAttribute("aria-label").equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label));
    }

    private static Element labelGroup(Document document, String title) {
        return elements(document, "g").stream().filter(g -> !children(g).isEmpty()
                && children(g).get(0).getLocalName().equals("title") && title(g).equals(title)).findFirst().orElseThrow();
    }

    private static String title(Element group) {
        return children(group).get(0).getTextContent();
    }

    private static List<String> titles(Document document) {
        return elements(document, "title").stream().map(Element::getTextContent).toList();
    }

    private static List<String> texts(Element cell) {
        return children(cell).stream().filter(child -> child.getLocalName().equals("text")).map(Element::getTextContent).toList();
    }

    /** The text a reader sees, lines joined by a space. */
    private static String shown(Document document) {
        return String.join(" ", elements(document, "text").stream().filter(text -> children(text).isEmpty())
                .map(Element::getTextContent).toList());
    }

    private static Element rect(Element cell) {
        return children(cell).stream().filter(child -> child.getLocalName().equals("rect")).findFirst().orElseThrow();
    }

    private static double smallestFontSize(Element root) {
        double smallest = Double.MAX_VALUE;
        Matcher sizes = Pattern.compile("font-size=\"([0-9.]+)\"").matcher(serialise(root));
        while (sizes.find()) {
            smallest = Math.min(smallest, Double.parseDouble(sizes.group(1)));
        }
        return smallest;
    }

    private static String serialise(Element root) {
        try {
            var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            var out = new java.io.StringWriter();
            transformer.transform(new javax.xml.transform.dom.DOMSource(root), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
