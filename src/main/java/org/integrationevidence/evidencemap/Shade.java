package org.integrationevidence.evidencemap;

/**
 * The shade of a cell by its number of case studies: ColorBrewer's sequential "Blues" in five classes, which stays
 * readable to the colour-blind and in greyscale, and white for an empty cell, a gap, which a dashed border sets apart
 * from the lightest class. The classes are fixed counts, not shares of the largest cell, so that two maps compare.
 */
enum Shade {
    GAP(0, 0, "none (a gap)", "#ffffff", "#59636e"),
    ONE(1, 1, "1", "#eff3ff", "#08306b"),
    TWO(2, 2, "2", "#bdd7e7", "#08306b"),
    FEW(3, 4, "3–4", "#6baed6", "#08306b"),
    SEVERAL(5, 9, "5–9", "#3182bd", "#ffffff"),
    MANY(10, Long.MAX_VALUE, "10 or more", "#08519c", "#ffffff");

    final long from;
    final long to;
    final String legend;
    final String fill;
    /** The colour of text and marks on this shade (contrast 4.5:1 or more). */
    final String ink;

    Shade(long from, long to, String legend, String fill, String ink) {
        this.from = from;
        this.to = to;
        this.legend = legend;
        this.fill = fill;
        this.ink = ink;
    }

    static Shade of(long caseStudies) {
        for (Shade shade : values()) {
            if (caseStudies <= shade.to) {
                return shade;
            }
        }
        return MANY;
    }
}
