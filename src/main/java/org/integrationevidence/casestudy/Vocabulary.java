package org.integrationevidence.casestudy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The controlled vocabularies (themes, target groups, scales, statuses) and their wire form. */
final class Vocabulary {

    private Vocabulary() {
    }

    static String slugOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String slug) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> slugOf(value).equals(slug)).findFirst();
    }

    static String allowed(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Vocabulary::slugOf).toList());
    }
}
