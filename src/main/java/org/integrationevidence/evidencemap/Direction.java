package org.integrationevidence.evidencemap;

import java.util.List;
import java.util.Map;

/**
 * The direction of a finding, as the evidence map counts them, with the mark each has in a rendering: a shape that
 * reads without colour (▲ improved, ▼ worsened, ◆ mixed, ● no change, ○ not reported).
 */
enum Direction {
    IMPROVED("improved", "improved", '▲'),
    WORSENED("worsened", "worsened", '▼'),
    MIXED("mixed", "mixed, or no single direction leads", '◆'),
    NO_CHANGE("no-change", "no change", '●'),
    NOT_REPORTED("not-reported", "not reported", '○');

    /** The directions a finding reports, in the order a tie is never broken: a tie among them is mixed. */
    private static final List<Direction> REPORTED = List.of(IMPROVED, WORSENED, MIXED, NO_CHANGE);

    /** The key in {@code EvidenceMap.Cell.directions}. */
    final String key;
    /** How the legend names it. */
    final String legend;
    /** The same mark as a character, for text alternatives. */
    final char mark;

    Direction(String key, String legend, char mark) {
        this.key = key;
        this.legend = legend;
        this.mark = mark;
    }

    /** How a cell's title names it: "mostly improved". */
    String phrase() {
        return switch (this) {
            case MIXED -> "mixed or no single direction leads";
            case NOT_REPORTED -> "directions not reported";
            default -> "mostly " + legend;
        };
    }

    /**
     * The direction most findings of a cell report. Findings that report none count only when no finding reports one;
     * a tie between reported directions is {@link #MIXED}. Null when the cell has no findings.
     */
    static Direction dominant(Map<String, Long> directions) {
        if (directions == null) {
            return null;
        }
        Direction leader = null;
        long most = 0;
        boolean tied = false;
        for (Direction direction : REPORTED) {
            long count = count(directions, direction);
            if (count > most) {
                leader = direction;
                most = count;
                tied = false;
            } else if (count == most && count > 0) {
                tied = true;
            }
        }
        if (leader != null) {
            return tied ? MIXED : leader;
        }
        return count(directions, NOT_REPORTED) > 0 ? NOT_REPORTED : null;
    }

    static long count(Map<String, Long> directions, Direction direction) {
        Long count = directions == null ? null : directions.get(direction.key);
        return count == null ? 0 : count;
    }
}
