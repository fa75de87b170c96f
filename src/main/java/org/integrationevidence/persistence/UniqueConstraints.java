package org.integrationevidence.persistence;

import org.hibernate.exception.ConstraintViolationException;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.Throwables;

/** Recognises a write refused by a unique constraint, such as two requests racing for one slug. */
public final class UniqueConstraints {

    private UniqueConstraints() {
    }

    /** Runs a flush; a unique-constraint failure becomes the given API error instead of a 500. */
    public static void flushOr(Runnable flush, ApiException whenTaken) {
        try {
            flush.run();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw whenTaken;
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        ConstraintViolationException violation = Throwables.findInChain(e, ConstraintViolationException.class);
        return violation != null && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE;
    }
}
