package org.integrationevidence.search;

/** An answer built from the search index, with the basis its validators are made of. */
public record Searched<T>(T answer, IndexBasis basis) {
}
