package org.integrationevidence.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.util.BytesRef;

/**
 * A case study's findings as {@link CaseStudyDocuments#MAP_FINDINGS} packs them, read into reused arrays without
 * allocating: a map reads them for every selected case study. A domain is an index into {@code slugs} (-1 when the
 * finding has none, or one no longer in the vocabulary); a direction its ordinal; a level 1 to 5.
 */
final class PackedFindings {
    final List<String> slugs;
    private final byte[][] slugBytes;
    int count;
    int[] domain = new int[8];
    int[] direction = new int[8];
    int[] level = new int[8];

    PackedFindings(List<String> slugs) {
        this.slugs = slugs;
        this.slugBytes = slugs.stream().map(slug -> slug.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    void read(BytesRef bytes) {
        count = 0;
        if (bytes == null) {
            return;
        }
        int end = bytes.offset + bytes.length;
        int start = bytes.offset;
        for (int i = bytes.offset; i < end; i++) {
            if (bytes.bytes[i] == '\t') {
                if (count == domain.length) {
                    domain = Arrays.copyOf(domain, count * 2);
                    direction = Arrays.copyOf(direction, count * 2);
                    level = Arrays.copyOf(level, count * 2);
                }
                domain[count] = indexOf(bytes.bytes, start, i - start);
                direction[count] = bytes.bytes[i + 1] - '0';
                level[count] = bytes.bytes[i + 2] - '0';
                count++;
                i += 3; // the newline
                start = i + 1;
            }
        }
    }

    private int indexOf(byte[] bytes, int from, int length) {
        if (length == 0) {
            return -1;
        }
        for (int s = 0; s < slugBytes.length; s++) {
            if (Arrays.equals(slugBytes[s], 0, slugBytes[s].length, bytes, from, from + length)) {
                return s;
            }
        }
        return -1;
    }
}
