package org.integrationevidence.http;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL slugs: lowercase ASCII words joined by hyphens, such as {@code san-salvario-joint-campaign}. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 80;
    public static final String RULE = "must be lowercase letters and digits in words joined by single hyphens";

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** Derives a slug from a title: accents dropped, words kept, cut at a word boundary within the length limit. */
    public static String fromTitle(String title) {
        String ascii = DIACRITICS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT).replace("'", "").replace("’", ""))
                .replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int lastHyphen = slug.lastIndexOf('-');
            slug = lastHyphen > 0 ? slug.substring(0, lastHyphen) : slug;
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    /**
     * The slug derived from {@code title}, or its first free alternative ({@code -2}, {@code -3}, ...), cut at a word
     * boundary so that the suffix still fits the length limit.
     */
    public static String firstFree(String title, Predicate<String> taken) {
        String base = fromTitle(title);
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            slug = withSuffix(base, n);
        }
        return slug;
    }

    static String withSuffix(String slug, int n) {
        String suffix = "-" + n;
        String base = slug;
        while (base.length() + suffix.length() > MAX_LENGTH && base.contains("-")) {
            base = base.substring(0, base.lastIndexOf('-'));
        }
        if (base.length() + suffix.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH - suffix.length());
        }
        return base + suffix;
    }
}
