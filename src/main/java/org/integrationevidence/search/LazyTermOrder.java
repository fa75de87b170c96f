package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.util.BytesRef;

/**
 * The order of a sorted doc values field's terms, as Lucene's own string sort ({@code SortField.Type.STRING}, missing
 * values first), for a tie-break: it reads a term's bytes only when they are needed, where Lucene's reads them for
 * every hit that enters the top of the results. Reading a term decompresses a block of the segment's terms
 * dictionary; with a score or a date sorting first, the bytes of the slug tie-break are almost never needed, and
 * reading them was most of the time of a relevance-sorted search over 100,000 case studies (docs/performance). Bytes
 * are read for the hits returned (their sort values, for cursors), for two hits of different segments that tie on
 * every earlier sort field, and once per segment for the cursor's position. It never skips documents, which only a
 * first sort field can.
 */
final class LazyTermOrder extends FieldComparatorSource {

    @Override
    public FieldComparator<BytesRef> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        return new Comparator(field, numHits);
    }

    private static final class Comparator extends FieldComparator<BytesRef> {
        private static final int MISSING = -1;

        private final String field;
        /** Per slot: the term's ordinal in its segment (MISSING without a value), and which segment that is. */
        private final int[] ords;
        private final int[] segments;
        /** Per slot: the term's bytes, once read (a null value with {@code loaded} set means no value). */
        private final BytesRef[] values;
        private final boolean[] loaded;
        /** The segments visited, by the number {@code segments} holds, to read terms from afterwards. */
        private final List<LeafReader> readers = new ArrayList<>();
        private final List<SortedDocValues> lookups = new ArrayList<>();
        private BytesRef topValue;
        /** The slot of the lowest of the top hits once they are as many as asked for; it outlives a segment. */
        private int bottomSlot = -1;

        Comparator(String field, int numHits) {
            this.field = field;
            this.ords = new int[numHits];
            this.segments = new int[numHits];
            this.values = new BytesRef[numHits];
            this.loaded = new boolean[numHits];
        }

        @Override
        public int compare(int slot1, int slot2) {
            if (segments[slot1] == segments[slot2]) {
                return Integer.compare(ords[slot1], ords[slot2]);
            }
            return compareValues(value(slot1), value(slot2));
        }

        @Override
        public void setTopValue(BytesRef value) {
            topValue = value;
        }

        @Override
        public BytesRef value(int slot) {
            if (!loaded[slot]) {
                values[slot] = ords[slot] == MISSING ? null : BytesRef.deepCopyOf(lookupOrd(segments[slot], ords[slot]));
                loaded[slot] = true;
            }
            return values[slot];
        }

        @Override
        public int compareValues(BytesRef first, BytesRef second) {
            if (first == null || second == null) {
                return first == null ? (second == null ? 0 : -1) : 1;
            }
            return first.compareTo(second);
        }

        @Override
        public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
            readers.add(context.reader());
            lookups.add(null);
            return new Leaf(readers.size() - 1, DocValues.getSorted(context.reader(), field));
        }

        /** A term of a segment visited before, from its own doc values instance: the one iterating moves on. */
        private BytesRef lookupOrd(int segment, int ord) {
            try {
                SortedDocValues lookup = lookups.get(segment);
                if (lookup == null) {
                    lookup = DocValues.getSorted(readers.get(segment), field);
                    lookups.set(segment, lookup);
                }
                return lookup.lookupOrd(ord);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Where a term from elsewhere falls among one segment's ordinals: exactly on one, or just after one. */
        private record Position(int ord, boolean exact) {
            static Position of(BytesRef value, SortedDocValues terms) throws IOException {
                if (value == null) {
                    return new Position(MISSING, true);
                }
                int ord = terms.lookupTerm(value);
                // Not found: -(insertion point) - 1; the term sorts after the ordinal before the insertion point.
                return ord >= 0 ? new Position(ord, true) : new Position(-ord - 2, false);
            }

            /** As compare(this term, the doc's): an inexact position is above its ordinal and below the next. */
            int compareTo(int docOrd) {
                if (exact) {
                    return Integer.compare(ord, docOrd);
                }
                return ord >= docOrd ? 1 : -1;
            }
        }

        private final class Leaf implements LeafFieldComparator {
            private final int segment;
            private final SortedDocValues terms;
            private int lastDoc = -1;
            private int lastOrd = MISSING;
            /** Where the bottom slot's term falls in this segment, when it comes from another one; read when needed. */
            private Position bottom;
            private Position top;

            Leaf(int segment, SortedDocValues terms) {
                this.segment = segment;
                this.terms = terms;
            }

            private int ordOf(int doc) throws IOException {
                if (doc != lastDoc) {
                    lastOrd = terms.advanceExact(doc) ? terms.ordValue() : MISSING;
                    lastDoc = doc;
                }
                return lastOrd;
            }

            @Override
            public void setBottom(int slot) {
                bottomSlot = slot;
                bottom = null;
            }

            @Override
            public int compareBottom(int doc) throws IOException {
                int docOrd = ordOf(doc);
                if (segments[bottomSlot] == segment) {
                    return Integer.compare(ords[bottomSlot], docOrd);
                }
                if (bottom == null) {
                    bottom = Position.of(value(bottomSlot), terms);
                }
                return bottom.compareTo(docOrd);
            }

            @Override
            public int compareTop(int doc) throws IOException {
                if (top == null) {
                    top = Position.of(topValue, terms);
                }
                return top.compareTo(ordOf(doc));
            }

            @Override
            public void copy(int slot, int doc) throws IOException {
                ords[slot] = ordOf(doc);
                segments[slot] = segment;
                values[slot] = null;
                loaded[slot] = false;
            }

            @Override
            public void setScorer(Scorable scorer) {
            }
        }
    }
}
