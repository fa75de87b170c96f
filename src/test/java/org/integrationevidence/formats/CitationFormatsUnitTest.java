package org.integrationevidence.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.http.Representation;
import org.junit.jupiter.api.Test;

/** The citation formats' escaping: braces, accents, special characters and hostile titles in BibTeX, RIS and CSL-JSON. */
class CitationFormatsUnitTest {

    private static final CitationItem BOOK = new CitationItem("a-v2-source-1", CitationItem.Kind.BOOK, "A book", "Jane Smith",
            "Policy Press", LocalDate.of(2017, 8, 25), null, "https://example.org/a?b=1%20c#d", "10.1093/jrs/fez095",
            "20.500.12345/6789", "978-0-306-40615-7", null);

    private static CitationItem titled(String title) {
        return new CitationItem("a-v2", CitationItem.Kind.CASE_STUDY, title, "Integration Evidence Repository",
                "Integration Evidence Repository", LocalDate.of(2026, 11, 23), "2",
                "https://evidence.example.org/api/v1/case-studies/a/versions/2", null, null, null, "One line.");
    }

    @Test
    void bibtexEscapesItsTenSpecialCharactersAndKeepsAccents() {
        assertEquals("\\{\\}\\&\\%\\$\\#\\_\\textasciitilde{}\\textasciicircum{}\\textbackslash{}", BibTex.text("{}&%$#_~^\\"));
        assertEquals("Café in Zürich: Ørsted, São Paulo, Łódź — 50 “quotes”", BibTex.text("Café in Zürich: Ørsted, São Paulo, Łódź — 50 “quotes”"));
        assertEquals("one two  three", BibTex.text("one\ntwo\r\n three".replace("\r\n", " ").replace("\n", " ")));
        assertEquals("a b c", BibTex.text("a\nb\tc"));
    }

    @Test
    void aHostileTitleCannotCloseTheBibtexEntryOrRunACommand() {
        String entry = BibTex.entry(titled("}, author = {Mallory}, x = {\\input{/etc/passwd} @misc{y,"));
        assertTrue(entry.contains("  title = {\\}, author = \\{Mallory\\}, x = \\{\\textbackslash{}input\\{/etc/passwd\\} "
                + "@misc\\{y,},\n"), entry);
        assertEquals(1, entry.lines().filter(line -> line.startsWith("  author = ")).count(), entry);
        // Every brace of the entry that is not escaped is balanced.
        int depth = 0;
        String unescaped = entry.replace("\\{", "").replace("\\}", "");
        for (char c : unescaped.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            assertTrue(depth >= 0, entry);
        }
        assertEquals(0, depth, entry);
    }

    @Test
    void bibtexWritesTheFieldsOfACaseStudyAndABook() {
        assertEquals("""
                @misc{a-v2,
                  title = {Saturday football},
                  author = {{Integration Evidence Repository}},
                  publisher = {Integration Evidence Repository},
                  year = {2026},
                  date = {2026-11-23},
                  version = {2},
                  url = {https://evidence.example.org/api/v1/case-studies/a/versions/2},
                  abstract = {One line.},
                }
                """, BibTex.entry(titled("Saturday football")));
        assertEquals("""
                @book{a-v2-source-1,
                  title = {A book},
                  author = {{Jane Smith}},
                  publisher = {Policy Press},
                  year = {2017},
                  date = {2017-08-25},
                  url = {https://example.org/a?b=1%20c#d},
                  doi = {10.1093/jrs/fez095},
                  isbn = {978-0-306-40615-7},
                  note = {hdl:20.500.12345/6789},
                }
                """, BibTex.entry(BOOK));
    }

    @Test
    void risKeepsEveryValueOnItsLine() {
        String record = Ris.record(titled("Line one\r\nER  - \nTY  - BOOK\u2028end"));
        assertTrue(record.startsWith("TY  - GEN\r\nID  - a-v2\r\nTI  - Line one ER - TY - BOOK end\r\n"), record);
        assertEquals(1, record.split("\r\nER  - \r\n", -1).length - 1, record);
        assertTrue(record.lines().allMatch(line -> line.matches("[A-Z][A-Z0-9]  - .*")), record);
        assertEquals("Café {50%} & $5", Ris.value("Café {50%} & $5"));
        assertEquals("a \"ER - \" b", Ris.value("a \"ER  - \"  b"));
    }

    @Test
    void risWritesTheTagsOfABook() {
        assertEquals("TY  - BOOK\r\nID  - a-v2-source-1\r\nTI  - A book\r\nAU  - Jane Smith\r\nPB  - Policy Press\r\n"
                + "PY  - 2017\r\nDA  - 2017/08/25\r\nUR  - https://example.org/a?b=1%20c#d\r\nDO  - 10.1093/jrs/fez095\r\n"
                + "SN  - 978-0-306-40615-7\r\nN1  - hdl:20.500.12345/6789\r\nER  - \r\n", Ris.record(BOOK));
    }

    @Test
    void cslJsonIsAnArrayOfItemsThatJacksonEscapes() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        StringWriter out = new StringWriter();
        try (Citations citations = Citations.start(Representation.CSL_JSON, out, mapper)) {
            citations.write(List.of(titled("\"quoted\" </script> Café"), BOOK));
        }
        JsonNode items = mapper.readTree(out.toString());
        assertEquals(2, items.size());
        assertEquals("\"quoted\" </script> Café", items.get(0).get("title").asText());
        assertEquals("document", items.get(0).get("type").asText());
        assertEquals("2", items.get(0).get("version").asText());
        assertEquals("[[2026,11,23]]", items.get(0).get("issued").get("date-parts").toString());
        assertEquals("book", items.get(1).get("type").asText());
        assertEquals("10.1093/jrs/fez095", items.get(1).get("DOI").asText());
        assertEquals("hdl:20.500.12345/6789", items.get(1).get("note").asText());
        assertFalse(items.get(1).has("version"));
    }

    @Test
    void anEmptyListIsAnEmptyDocument() throws Exception {
        for (Representation format : List.of(Representation.CSL_JSON, Representation.BIBTEX, Representation.RIS)) {
            StringWriter out = new StringWriter();
            Citations.start(format, out, new ObjectMapper()).close();
            assertEquals(format == Representation.CSL_JSON ? "[]" : "", out.toString(), format.toString());
        }
    }
}
