package io.trailwatch.alert.format;

/** Cutting text to a length without breaking a character, and Slack mrkdwn escaping. */
public final class Texts {
    /** Ends text cut to fit a limit. */
    public static final String ELLIPSIS = "…";

    private Texts() {}

    /** At most {@code max} chars, ending in {@link #ELLIPSIS} when cut. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return prefix(text, max - ELLIPSIS.length()) + ELLIPSIS;
    }

    /** The longest prefix of at most {@code max} chars that does not split a surrogate pair. */
    public static String prefix(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Escapes the three characters Slack mrkdwn treats as control characters. */
    public static String mrkdwn(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An inline code span; backticks inside would end it early, so they become quotes. */
    public static String code(String text) {
        if (text == null || text.isEmpty()) {
            return "–";
        }
        return "`" + mrkdwn(text).replace('`', '\'').replace('\n', ' ') + "`";
    }
}
