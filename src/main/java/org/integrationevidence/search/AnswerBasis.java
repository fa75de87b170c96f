package org.integrationevidence.search;

/**
 * Carries the basis of an answer from the search that builds it to the validator that tags it, within one request:
 * a resource makes one, hands it to {@link CatalogueValidators#of} and passes each searched answer through
 * {@link #of}. Before the answer is built, the validator stands on the index's current state.
 */
public final class AnswerBasis {

    private volatile IndexBasis basis;

    /** The answer, remembering what it stands on. */
    public <T> T of(Searched<T> searched) {
        basis = searched.basis();
        return searched.answer();
    }

    /** The basis of the answer built, or null before. */
    IndexBasis get() {
        return basis;
    }
}
