package org.integrationevidence.casestudy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The controlled vocabularies (themes, target groups, scales, statuses) and their wire form. */
public final class Vocabulary {

    private Vocabulary() {
    }

    public static String slugOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String slug) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> slugOf(value).equals(slug)).findFirst();
    }

    public static String allowed(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Vocabulary::slugOf).toList());
    }

    /** A slug as a label: {@code civic-participation} is "Civic participation". */
    public static String label(Enum<?> value) {
        String words = slugOf(value).replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
