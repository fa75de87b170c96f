package org.integrationevidence.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.integrationevidence.imports.CsvReader.MalformedRecord;
import org.integrationevidence.imports.CsvReader.Record;
import org.junit.jupiter.api.Test;

class CsvReaderUnitTest {

    @Test
    void recordsAreNumberedFromOne() throws Exception {
        assertEquals(List.of(new Record(1, List.of("slug", "title")), new Record(2, List.of("a", "A"))),
                records("slug,title\na,A\n"));
    }

    @Test
    void anEmptyFileHasNoRecords() throws Exception {
        assertNull(new CsvReader(new StringReader("")).next());
    }

    @Test
    void theLastRecordNeedsNoLineBreak() throws Exception {
        assertEquals(List.of(new Record(1, List.of("a", "b")), new Record(2, List.of("c", "d"))), records("a,b\nc,d"));
    }

    @Test
    void recordsEndWithCrlfLfOrCr() throws Exception {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), fields("a\r\nb\nc\rd\r\n"));
    }

    @Test
    void emptyFieldsAreKept() throws Exception {
        assertEquals(List.of(List.of("", "a", "", "")), fields(",a,,\n"));
    }

    @Test
    void anEmptyLineIsABlankRecord() throws Exception {
        List<Record> records = records("a\n\r\n,\n");
        assertEquals(List.of(new Record(1, List.of("a")), new Record(2, List.of("")), new Record(3, List.of("", ""))),
                records);
        assertFalse(records.get(0).isBlank());
        assertTrue(records.get(1).isBlank());
        assertFalse(records.get(2).isBlank());
    }

    @Test
    void fieldsAreKeptAsWrittenWithTheirSpaces() throws Exception {
        assertEquals(List.of(List.of(" a ", "b  ")), fields(" a ,b  \n"));
    }

    @Test
    void aQuotedFieldHoldsCommasLineBreaksAndDoubledQuotes() throws Exception {
        assertEquals(List.of(List.of("a, b", "line 1\r\nline 2\nline 3", "say \"hi\"", ""), List.of("next")),
                fields("\"a, b\",\"line 1\r\nline 2\nline 3\",\"say \"\"hi\"\"\",\"\"\r\nnext\r\n"));
    }

    @Test
    void aRecordOverSeveralLinesIsOneRecord() throws Exception {
        assertEquals(List.of(new Record(1, List.of("a\nb")), new Record(2, List.of("c"))), records("\"a\nb\"\nc\n"));
    }

    @Test
    void aByteOrderMarkIsTextOfTheFirstField() throws Exception {
        assertEquals(List.of(List.of("\uFEFFslug", "title")), fields("\uFEFFslug,title\n"));
    }

    @Test
    void aQuoteInAnUnquotedFieldIsMalformedAndReadingGoesOnWithTheNextLine() throws Exception {
        CsvReader reader = reader("a,b\nc,d\"e\",f\ng,h\n");
        assertEquals(new Record(1, List.of("a", "b")), reader.next());
        MalformedRecord e = assertThrows(MalformedRecord.class, reader::next);
        assertEquals(2, e.number());
        assertEquals("has a quote inside a field that is not in quotes, in field 2; enclose the field in quotes and "
                + "double the quotes inside it", e.getMessage());
        assertEquals(new Record(3, List.of("g", "h")), reader.next());
        assertNull(reader.next());
    }

    @Test
    void textAfterAClosingQuoteIsMalformedAndReadingGoesOnWithTheNextLine() throws Exception {
        CsvReader reader = reader("\"a\"b,c\r\nd\r\n");
        MalformedRecord e = assertThrows(MalformedRecord.class, reader::next);
        assertEquals(1, e.number());
        assertEquals("has text after the closing quote of a quoted field; double the quotes inside a quoted field",
                e.getMessage());
        assertEquals(new Record(2, List.of("d")), reader.next());
        assertNull(reader.next());
    }

    @Test
    void aQuoteNeverClosedIsMalformedOnTheRecordWhereItOpened() throws Exception {
        CsvReader reader = reader("a\nb,\"c\nd\ne\n");
        assertEquals(new Record(1, List.of("a")), reader.next());
        MalformedRecord e = assertThrows(MalformedRecord.class, reader::next);
        assertEquals(2, e.number());
        assertEquals("has a quoted field that is never closed: a quote is missing", e.getMessage());
        assertNull(reader.next());
    }

    @Test
    void aNulCharacterIsMalformedAndTheNextRecordIsRead() throws Exception {
        CsvReader reader = reader("a,b\u0000\n\"c\u0000\"\nd\n");
        MalformedRecord e = assertThrows(MalformedRecord.class, reader::next);
        assertEquals(1, e.number());
        assertEquals("has the NUL character (U+0000) in field 2", e.getMessage());
        assertEquals("has the NUL character (U+0000) in field 1", assertThrows(MalformedRecord.class, reader::next)
                .getMessage());
        assertEquals(new Record(3, List.of("d")), reader.next());
    }

    @Test
    void readsTheSameWhateverTheReaderHandsOverAtATime() throws Exception {
        String csv = "\"a\"\"\",b\r\n\"x\r\ny\",\"\"\r\n" + "c".repeat(9000) + ",\"" + "\"\"".repeat(5000) + "\"\r\nz";
        List<Record> whole = read(new CsvReader(new StringReader(csv)));
        assertEquals(List.of(new Record(1, List.of("a\"", "b")), new Record(2, List.of("x\r\ny", "")),
                new Record(3, List.of("c".repeat(9000), "\"".repeat(5000))), new Record(4, List.of("z"))), whole);
        assertEquals(whole, read(new CsvReader(new OneCharacterAtATime(csv))));
    }

    private static List<List<String>> fields(String csv) throws Exception {
        return records(csv).stream().map(Record::fields).toList();
    }

    private static List<Record> records(String csv) throws Exception {
        return read(reader(csv));
    }

    private static List<Record> read(CsvReader reader) throws Exception {
        List<Record> records = new ArrayList<>();
        for (Record record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    private static CsvReader reader(String csv) {
        return new CsvReader(new StringReader(csv));
    }

    /** A reader that hands over one character per read, and sometimes none. */
    private static final class OneCharacterAtATime extends Reader {

        private final String text;
        private int position;
        private boolean nothingThisTime;

        OneCharacterAtATime(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            nothingThisTime = !nothingThisTime;
            if (nothingThisTime) {
                return 0;
            }
            if (position == text.length()) {
                return -1;
            }
            buffer[offset] = text.charAt(position++);
            return 1;
        }

        @Override
        public void close() {
        }
    }
}
