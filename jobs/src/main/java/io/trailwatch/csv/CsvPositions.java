package io.trailwatch.csv;

import org.apache.commons.csv.CSVRecord;

/**
 * Where the records and values that {@link CsvTable#read} hands out stand in the text, as a line
 * and column of the file: a record's number is not its line once blank lines or values spanning
 * lines come before it.
 */
public final class CsvPositions {
    private final CsvScanner scanner;
    private final TextLines lines;

    CsvPositions(String text, boolean spacesAroundQuotes) {
        this.scanner = new CsvScanner(text, spacesAroundQuotes);
        this.lines = TextLines.of(text);
    }

    /** Where the name of column {@code index} (from 0) starts in the header. */
    public TextPosition ofHeader(int index) {
        int start = scanner.fieldStart(0, index);
        return lines.at(start < 0 ? scanner.recordStart(0) : start);
    }

    /** Where the record starts. */
    public TextPosition of(CSVRecord record) {
        return lines.at(scanner.recordStart((int) record.getCharacterPosition()));
    }

    /**
     * Where the value in column {@code index} (from 0) of the record starts; the record's start
     * when it has no such column.
     */
    public TextPosition of(CSVRecord record, int index) {
        int start = scanner.fieldStart((int) record.getCharacterPosition(), index);
        return start < 0 ? of(record) : lines.at(start);
    }
}
