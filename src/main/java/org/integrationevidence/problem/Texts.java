package org.integrationevidence.problem;

/** Text that the API writes into its answers. */
final class Texts {

    private Texts() {
    }

    /** The text cut to at most {@code maxLength} characters, ending with an ellipsis when cut; null stays null. */
    public static String shorten(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
