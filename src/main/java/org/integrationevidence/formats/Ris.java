package org.integrationevidence.formats;

import java.time.format.DateTimeFormatter;

/**
 * Records in RIS, the tagged format of reference managers: a line per field, {@code TAG  - value}, each record from
 * {@code TY} to {@code ER}, lines ending in CRLF. A case study is {@code GEN} (generic), a cited book {@code BOOK},
 * any other cited work {@code GEN}. RIS has no version tag: the version is in the case study's URL.
 */
final class Ris {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private Ris() {
    }

    static String record(CitationItem item) {
        StringBuilder record = new StringBuilder();
        line(record, "TY", item.kind() == CitationItem.Kind.BOOK ? "BOOK" : "GEN");
        line(record, "ID", item.id());
        line(record, "TI", item.title());
        line(record, "AU", item.author());
        line(record, "PB", item.publisher());
        if (item.issued() != null) {
            line(record, "PY", Integer.toString(item.issued().getYear()));
            line(record, "DA", DATE.format(item.issued()));
        }
        line(record, "UR", item.url());
        line(record, "DO", item.doi());
        line(record, "SN", item.isbn());
        line(record, "N1", item.handle() == null ? null : "hdl:" + item.handle());
        line(record, "AB", item.summary());
        record.append("ER  - \r\n");
        return record.toString();
    }

    private static void line(StringBuilder record, String tag, String value) {
        if (value != null && !value.isBlank()) {
            record.append(tag).append("  - ").append(value(value)).append("\r\n");
        }
    }

    /**
     * A value on one line: RIS has no escapes, and a line break would start a line that a reader takes for a tag (a
     * title could end the record with {@code ER  - }), so line breaks and other control characters become spaces; and
     * runs of spaces become one, since some readers (citation-js) take {@code XX  - } for a tag even inside a line.
     */
    static String value(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }
}
