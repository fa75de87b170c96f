package org.integrationevidence.approach;

import java.time.Instant;
import java.util.List;

/**
 * An approach as the taxonomy knows it: its place in the tree and its history, without the case studies that use
 * it (search.ApproachDetail adds those for the API).
 */
public record ApproachFacts(String slug, String name, String definition, ApproachRef parent, List<ApproachRef> children,
        Instant createdAt, Instant updatedAt, long version) {
}
