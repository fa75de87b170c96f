package org.integrationevidence.evidencemap;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits labels into a width without font metrics: an average glyph is taken as {@link #EM_SHARE} of the font size
 * (generous for Arial, Helvetica and DejaVu Sans), lines break between words, a word longer than a line is cut, and
 * the last line that fits ends in an ellipsis when text is left over. Also keeps out what XML 1.0 cannot carry.
 */
final class TextFit {

    static final double EM_SHARE = 0.56;
    private static final String ELLIPSIS = "…";

    private TextFit() {
    }

    /** How many characters of this font size fit in the width; at least one. */
    static int characters(double width, double fontSize) {
        return Math.max(1, (int) Math.floor(width / (fontSize * EM_SHARE)));
    }

    /** The estimated width of the text in this font size. */
    static double width(String text, double fontSize) {
        return length(text) * fontSize * EM_SHARE;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The text in at most maxLines lines of at most perLine characters, the last ending in "…" when cut. */
    static List<String> wrap(String text, int perLine, int maxLines) {
        List<String> words = List.of(clean(text).strip().split("\\s+"));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (line.isEmpty()) {
                line.append(word);
            } else if (length(line.toString()) + 1 + length(word) <= perLine) {
                line.append(' ').append(word);
            } else {
                lines.add(line.toString());
                line = new StringBuilder(word);
            }
            if (lines.size() == maxLines) {
                return cutLast(lines, perLine);
            }
            while (length(line.toString()) > perLine) {
                int cut = line.offsetByCodePoints(0, perLine);
                lines.add(line.substring(0, cut));
                line = new StringBuilder(line.substring(cut));
                if (lines.size() == maxLines) {
                    return cutLast(lines, perLine);
                }
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> cutLast(List<String> lines, int perLine) {
        String last = lines.get(lines.size() - 1);
        int keep = Math.max(0, Math.min(length(last), perLine - 1));
        lines.set(lines.size() - 1, last.substring(0, last.offsetByCodePoints(0, keep)).stripTrailing() + ELLIPSIS);
        return lines;
    }

    /** The text with every character XML 1.0 does not allow (controls, lone surrogates) replaced by U+FFFD. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(c -> cleaned.appendCodePoint(allowed(c) ? c : 0xFFFD));
        return cleaned.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
