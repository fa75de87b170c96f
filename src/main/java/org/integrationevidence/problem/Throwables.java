package org.integrationevidence.problem;

import java.util.ArrayList;
import java.util.List;

/** Looking through an exception's chain of causes, safe against chains that loop. */
public final class Throwables {

    private Throwables() {
    }

    /** The first of {@code e} and its causes that is a {@code type}, or null. */
    public static <T extends Throwable> T findInChain(Throwable e, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable cause = e; cause != null && !seen.contains(cause); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            seen.add(cause);
        }
        return null;
    }
}
