package org.integrationevidence.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Writes {@code <}, {@code >} and {@code &} in JSON strings as Unicode escapes (backslash, {@code u}, {@code 003c} and
 * so on), and the line and paragraph separators U+2028 and U+2029 too: the same JSON to any parser, but nothing in it
 * can end a {@code <script>} element it is inlined in, open a comment there, or break a line of JavaScript, whatever
 * a title or body holds. Gson's HTML-safe mode and the OWASP JSON sanitizer do the same.
 */
final class HtmlSafeEscapes extends CharacterEscapes {

    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] escapes;

    public HtmlSafeEscapes() {
        escapes = standardAsciiEscapesForJSON();
        escapes['<'] = ESCAPE_STANDARD;
        escapes['>'] = ESCAPE_STANDARD;
        escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case 0x2028 -> LINE_SEPARATOR;
            case 0x2029 -> PARAGRAPH_SEPARATOR;
            default -> null;
        };
    }
}
