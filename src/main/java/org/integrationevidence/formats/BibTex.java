package org.integrationevidence.formats;

/**
 * Entries in BibTeX, with the biblatex fields ({@code date}, {@code version}, {@code doi}, {@code isbn}, {@code url})
 * that BibTeX styles ignore and biber, Zotero and citation-js read. A case study is a {@code @misc}, a cited book a
 * {@code @book}, any other cited work a {@code @misc}. Names are braced twice, so that no style splits an
 * organisation, or a name as the curator wrote it, into given and family names.
 */
final class BibTex {

    private BibTex() {
    }

    static String entry(CitationItem item) {
        StringBuilder entry = new StringBuilder("@").append(item.kind() == CitationItem.Kind.BOOK ? "book" : "misc")
                .append('{').append(item.id()).append(",\n");
        field(entry, "title", text(item.title()));
        if (item.author() != null) {
            field(entry, "author", "{" + text(item.author()) + "}");
        }
        if (item.publisher() != null) {
            field(entry, "publisher", text(item.publisher()));
        }
        if (item.issued() != null) {
            field(entry, "year", Integer.toString(item.issued().getYear()));
            field(entry, "date", item.issued().toString());
        }
        if (item.version() != null) {
            field(entry, "version", text(item.version()));
        }
        // Verbatim fields: the URL and DOI patterns allow no brace, backslash or space, so they are written as they are.
        if (item.url() != null) {
            field(entry, "url", verbatim(item.url()));
        }
        if (item.doi() != null) {
            field(entry, "doi", verbatim(item.doi()));
        }
        if (item.isbn() != null) {
            field(entry, "isbn", text(item.isbn()));
        }
        if (item.handle() != null) {
            field(entry, "note", text("hdl:" + item.handle()));
        }
        if (item.summary() != null) {
            field(entry, "abstract", text(item.summary()));
        }
        return entry.append("}\n").toString();
    }

    private static void field(StringBuilder entry, String name, String value) {
        entry.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /**
     * A value as BibTeX text: its ten special characters escaped, so that a title can neither unbalance the entry's
     * braces nor run a command; line breaks and other control characters as spaces (an entry's values are one line).
     * Other characters, accented letters too, are written as they are, in UTF-8.
     */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{' -> out.append("\\{");
                case '}' -> out.append("\\}");
                case '&', '%', '$', '#', '_' -> out.append('\\').appendCodePoint(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(' ');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** A URL or DOI, written as it is but for any brace or backslash (which the patterns refuse) and control characters. */
    static String verbatim(String value) {
        return value.replaceAll("[{}\\\\\\p{Cntrl}]", "");
    }
}
