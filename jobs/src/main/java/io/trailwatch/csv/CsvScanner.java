package io.trailwatch.csv;

/**
 * Finds where the records and fields of a CSV text start, and where its quoting is broken, by the
 * rules Commons CSV reads it with ({@link CsvTable}'s format): RFC 4180, comma-separated, lines
 * ending in CR LF, CR or LF, empty lines skipped, and, on request, spaces around a quoted value.
 * Commons CSV reports neither where a field starts nor the column of a syntax error, and an
 * editor's line and column are what a person needs to fix the file.
 */
final class CsvScanner {
    private final String text;
    private final boolean spacesAroundQuotes;

    /** Set by {@link #endOfField} when it returns -1. */
    private int problemOffset;

    private String problem;

    CsvScanner(String text, boolean spacesAroundQuotes) {
        this.text = text;
        this.spacesAroundQuotes = spacesAroundQuotes;
    }

    /** A syntax error: the offset of the character to blame and what is wrong. */
    record Problem(int offset, String reason) {}

    /** The first character at or after {@code offset} that is not part of an empty line. */
    int recordStart(int offset) {
        int p = offset;
        while (p < text.length() && isLineEnd(text.charAt(p))) {
            p++;
        }
        return p;
    }

    /**
     * Where the value of field {@code index} of the record starting at {@code recordOffset} begins
     * (its first character that is not a space, its opening quote if it has one, or the delimiter
     * after it when it is empty), or -1 when the record has fewer fields or is broken before it.
     */
    int fieldStart(int recordOffset, int index) {
        int p = recordStart(recordOffset);
        for (int i = 0; ; i++) {
            if (i == index) {
                int start = p;
                while (start < text.length() && isSpace(text.charAt(start))) {
                    start++;
                }
                return start;
            }
            int end = endOfField(p);
            if (end < 0 || end >= text.length() || text.charAt(end) != ',') {
                return -1;
            }
            p = end + 1;
        }
    }

    /** The first quoting error of the text, or {@code null} when it has none. */
    Problem firstProblem() {
        int p = 0;
        while (true) {
            p = recordStart(p);
            if (p >= text.length()) {
                return null;
            }
            int end = endOfField(p);
            if (end < 0) {
                return new Problem(problemOffset, problem);
            }
            if (end >= text.length()) {
                return null;
            }
            p = end + 1;
        }
    }

    /**
     * The offset of the delimiter or line end that ends the field starting at {@code offset} (the
     * text's length at its end), or -1 for a broken quoted value.
     */
    private int endOfField(int offset) {
        int p = offset;
        if (spacesAroundQuotes) {
            while (p < text.length() && isSpace(text.charAt(p))) {
                p++;
            }
        }
        if (p >= text.length() || text.charAt(p) != '"') {
            while (p < text.length() && !isEndOfField(text.charAt(p))) {
                p++;
            }
            return p;
        }
        int open = p++;
        while (true) {
            if (p >= text.length()) {
                return broken(
                        open,
                        "the quoted value that starts here is never closed (a quote inside a"
                                + " quoted value is written twice: \"\")");
            }
            if (text.charAt(p) != '"') {
                p++;
            } else if (p + 1 < text.length() && text.charAt(p + 1) == '"') {
                p += 2;
            } else {
                p++;
                // Only white space may follow the closing quote before the delimiter.
                while (p < text.length() && !isEndOfField(text.charAt(p))) {
                    if (!Character.isWhitespace(text.charAt(p))) {
                        return broken(
                                p,
                                "text after the closing quote of a value (quote the whole value,"
                                        + " and write a quote inside it twice: \"\")");
                    }
                    p++;
                }
                return p;
            }
        }
    }

    private int broken(int offset, String reason) {
        problemOffset = offset;
        problem = reason;
        return -1;
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isEndOfField(char c) {
        return c == ',' || isLineEnd(c);
    }

    /** White space within a line, as Commons CSV skips it around values. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) && !isEndOfField(c);
    }
}
