package io.trailwatch.csv;

/**
 * A place in a text file as an editor shows it: the physical line (every line of the file counts,
 * blank ones and those inside a quoted value too) and the column (characters from the start of the
 * line), both from 1.
 */
public record TextPosition(int line, int column) {
    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
