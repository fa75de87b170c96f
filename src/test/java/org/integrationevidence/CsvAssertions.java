package org.integrationevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the CSV answers (a case study, a page of the list, the export, the taxonomy) must be, for the tests that read
 * them: RFC 4180 with every record ended by CRLF, and a header row first.
 */
public final class CsvAssertions {

    private CsvAssertions() {
    }

    /** The records of {@code csv}, header first, each as its cells; fails unless every record ends with CRLF. */
    public static List<List<String>> records(String csv) {
        assertTrue(csv.isEmpty() || csv.endsWith("\r\n"), "the last record ends with CRLF");
        try {
            List<List<String>> records = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
                records.add(record.toList());
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of case studies in {@code csv}, each as its cells by column name; fails unless the header is
     * {@link TestData#CSV_COLUMNS}.
     */
    public static List<Map<String, String>> caseStudyRows(String csv) {
        List<List<String>> records = records(csv);
        assertEquals(TestData.CSV_COLUMNS, records.get(0), "the header row");
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            assertEquals(TestData.CSV_COLUMNS.size(), record.size(), "the cells of a row");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < record.size(); i++) {
                row.put(TestData.CSV_COLUMNS.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The slugs of the case studies in {@code csv}, in order. */
    public static List<String> slugs(String csv) {
        return caseStudyRows(csv).stream().map(row -> row.get("slug")).toList();
    }
}
