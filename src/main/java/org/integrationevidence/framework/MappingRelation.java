package org.integrationevidence.framework;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SKOS mapping relations (https://www.w3.org/TR/skos-reference/#mapping), read as "subject relation concept":
 * {@code broadMatch} says the concept is broader than the approach or outcome domain, {@code narrowMatch} that it is
 * narrower. Seen from the concept, each has its inverse.
 */
public enum MappingRelation {
    EXACT_MATCH("exactMatch"),
    CLOSE_MATCH("closeMatch"),
    BROAD_MATCH("broadMatch"),
    NARROW_MATCH("narrowMatch"),
    RELATED_MATCH("relatedMatch");

    public final String name;

    MappingRelation(String name) {
        this.name = name;
    }

    /** The same relation seen from the other side: broad and narrow swap; the others are symmetric. */
    public MappingRelation inverse() {
        return switch (this) {
            case BROAD_MATCH -> NARROW_MATCH;
            case NARROW_MATCH -> BROAD_MATCH;
            default -> this;
        };
    }

    public static Optional<MappingRelation> parse(String name) {
        return Arrays.stream(values()).filter(relation -> relation.name.equals(name)).findFirst();
    }

    static String allowed() {
        return Arrays.stream(values()).map(relation -> relation.name).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name;
    }
}
