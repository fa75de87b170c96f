package org.integrationevidence.formats;

import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusIntegrationTest;

import org.integrationevidence.NodeScripts;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * The citation formats read by independent tools, against the packaged application: citeproc-js renders the CSL-JSON
 * of a seed case study, and of one with a hostile title, in APA; citation-js parses their BibTeX and RIS back, and
 * the title, publisher, author, year, URL and the sources' DOI, ISBN and URL must be the JSON's (citations.mjs).
 * Needs Node.js 20 and npm, not Chromium; skipped, saying why, without them unless
 * {@code EVIDENCE_BROWSER_TESTS=required}.
 */
@QuarkusIntegrationTest
class CitationToolsIT {

    private static final String SEED_SLUG = "bradford-bangladeshi-women-football";
    private static final String HOSTILE_TITLE = "Café {50%} & $5 #1 a_b ~^ \\end} @misc{x, \"ER  - \" Zürich";

    @Test
    void theCitationsOfASeedCaseStudyRenderInApaAndParseBack() throws Exception {
        NodeScripts.install();
        String slug;
        TestKeys.actAsEditor();
        try {
            Map<String, Object> hostile = caseStudy(createApproach(null));
            hostile.put("title", HOSTILE_TITLE);
            @SuppressWarnings("unchecked")
            Map<String, Object> source = ((List<Map<String, Object>>) hostile.get("sources")).get(0);
            source.put("title", "A {braced} source & 100% of it");
            source.put("author", "Jane Smith");
            source.put("doi", "10.1093/jrs/fez095");
            source.put("handle", "20.500.12345/6789");
            source.put("isbn", "978-0-306-40615-7");
            slug = create(hostile);
        } finally {
            TestKeys.actAnonymously();
        }

        String output = NodeScripts.node("citations.mjs", Map.of("SEED_SLUG", SEED_SLUG, "HOSTILE_SLUG", slug,
                "HOSTILE_TITLE", HOSTILE_TITLE));

        assertTrue(output.contains("ok - seed case study: the CSL-JSON renders in APA: Integration Evidence Repository. ("),
                output);
        assertTrue(output.contains("ok - hostile title: BibTeX title"), output);
        assertTrue(output.contains("ok - hostile title: RIS source 1 DOI"), output);
        assertTrue(output.contains("ok - the hostile case study is the one created, with a DOI"), output);
    }
}
