package org.integrationevidence.search;

import java.time.Instant;
import java.util.List;

/**
 * What an answer built from the search index stands on, for its HTTP validators: the snapshot it searched and the
 * hour its cursors carry ({@code version}), and when the newest change that snapshot shows was made
 * ({@code lastChange}). An answer that left out hits the database no longer serves says which: the same snapshot
 * then gives another answer once the index catches up.
 */
record IndexBasis(String version, Instant lastChange) {

    /** The same basis for an answer that left these hits out. */
    IndexBasis withLeftOut(List<Long> ids) {
        return ids.isEmpty() ? this : new IndexBasis(version + "/without" + ids, lastChange);
    }
}
