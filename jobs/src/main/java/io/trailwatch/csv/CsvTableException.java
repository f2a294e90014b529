package io.trailwatch.csv;

/**
 * A CSV file that cannot be read as a table. The message says where, when that is known ({@code
 * line 3, column 7}), and why, without the file's name.
 */
public final class CsvTableException extends Exception {
    private final String where;
    private final String reason;

    CsvTableException(String reason) {
        this(null, reason, null);
    }

    CsvTableException(String reason, Throwable cause) {
        this(null, reason, cause);
    }

    CsvTableException(String where, String reason) {
        this(where, reason, null);
    }

    CsvTableException(String where, String reason, Throwable cause) {
        super(where == null ? reason : where + ": " + reason, cause);
        this.where = where;
        this.reason = reason;
    }

    /** The line and column, or {@code null} when the problem is the file as a whole. */
    public String where() {
        return where;
    }

    /** The message for a file of this kind and name, e.g. {@code ownership table owners.csv}. */
    public String in(String file) {
        return file + (where == null ? "" : ", " + where) + ": " + reason;
    }

    /** What is wrong, without the place. */
    public String reason() {
        return reason;
    }
}
