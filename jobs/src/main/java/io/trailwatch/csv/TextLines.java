package io.trailwatch.csv;

import java.util.Arrays;

/**
 * The physical lines of a text, for turning a character offset into a line and column. A line ends
 * at CR LF, CR or LF, as it does for the CSV reader.
 */
public final class TextLines {
    private final String text;

    /** Offset of the first character of each line; the first line starts at 0. */
    private final int[] starts;

    private TextLines(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    public static TextLines of(String text) {
        int[] starts = new int[16];
        int count = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new TextLines(text, Arrays.copyOf(starts, count));
    }

    /**
     * The line and column of the character at {@code offset} (or of the end of the text, at its
     * length). A character outside the Basic Multilingual Plane counts as one column.
     */
    public TextPosition at(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        int line = found >= 0 ? found : -found - 2;
        int column = text.codePointCount(starts[line], Math.min(offset, text.length())) + 1;
        return new TextPosition(line + 1, column);
    }
}
