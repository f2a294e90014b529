package io.trailwatch.model;

/** How origins name a line of a file: built only where someone reads them (dead letters, tests). */
public final class Origins {
    private Origins() {}

    /** {@code origin line N}, or the origin alone when {@code line} is 0 (it names the line). */
    public static String line(String origin, int line) {
        return line > 0 ? origin + " line " + line : origin;
    }
}
