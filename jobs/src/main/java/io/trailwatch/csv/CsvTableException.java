package io.trailwatch.csv;

/** A CSV file that cannot be read as a table; the message says why, without the file's name. */
public final class CsvTableException extends Exception {
    CsvTableException(String message) {
        super(message);
    }

    CsvTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
