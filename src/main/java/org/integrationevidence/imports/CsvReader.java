package org.integrationevidence.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180) one record at a time, so that a large file is never held whole: fields separated by commas,
 * records by CRLF or LF, fields in double quotes may hold commas, line breaks and doubled quotes ({@code ""}).
 * A malformed record is reported with its number and the reader goes on with the next line, so that one stray
 * quote does not hide the errors of every other row.
 */
final class CsvReader {

    /** One record: its number (the first record of the file is 1) and its fields. */
    record Record(int number, List<String> fields) {

        /** A line with nothing on it, which spreadsheets write for an empty row. */
        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    /** A record that is not well-formed CSV. */
    static final class MalformedRecord extends Exception {

        private final int number;

        MalformedRecord(int number, String message) {
            super(message, null, false, false);
            this.number = number;
        }

        int number() {
            return number;
        }
    }

    private static final int END = -1;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int recordNumber;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the file. */
    Record next() throws IOException, MalformedRecord {
        int c = read();
        if (c == END) {
            return null;
        }
        recordNumber++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = readQuoted(field);
            }
            if (c == END || c == '\n' || c == '\r') {
                fields.add(field.toString());
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                for (int i = 0; i < fields.size(); i++) {
                    if (fields.get(i).indexOf('\0') >= 0) { // as in JSON (RefusedCharacters): no database text holds it
                        throw new MalformedRecord(recordNumber, "has the NUL character (U+0000) in field " + (i + 1));
                    }
                }
                return new Record(recordNumber, fields);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '"') {
                skipRestOfRecord();
                throw new MalformedRecord(recordNumber, "has a quote inside a field that is not in quotes, in field "
                        + (fields.size() + 1) + "; enclose the field in quotes and double the quotes inside it");
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    /** Reads a quoted field's content after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field) throws IOException, MalformedRecord {
        int startNumber = recordNumber;
        while (true) {
            int c = read();
            if (c == END) {
                throw new MalformedRecord(startNumber, "has a quoted field that is never closed: a quote is missing");
            }
            if (c == '"') {
                if (peek() != '"') {
                    int after = read();
                    if (after != ',' && after != '\n' && after != '\r' && after != END) {
                        skipRestOfRecord();
                        throw new MalformedRecord(startNumber, "has text after the closing quote of a quoted field; "
                                + "double the quotes inside a quoted field");
                    }
                    return after;
                }
                read();
            }
            field.append((char) c);
        }
    }

    /** After a malformed record: on to the next line, so that the following records can still be read. */
    private void skipRestOfRecord() throws IOException {
        int c;
        do {
            c = read();
        } while (c != END && c != '\n' && c != '\r');
        if (c == '\r' && peek() == '\n') {
            read();
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
