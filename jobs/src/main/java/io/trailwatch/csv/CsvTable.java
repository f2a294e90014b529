package io.trailwatch.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file whose first line names its columns, read strictly: RFC 4180, no empty or repeated
 * column name, blank lines skipped, values trimmed, and the columns it needs present in the header.
 * What is wrong with the text as a table comes back as a {@link CsvTableException} that names the
 * line and column; what is wrong with a row is for the caller's {@link Rows} to say, with {@link
 * #positionsIn} for where.
 */
public final class CsvTable {
    private static final int MAX_MESSAGE = 500;

    private final List<String> required;
    private final boolean fixed;
    private final boolean spacesAroundQuotes;

    private CsvTable(List<String> required, boolean fixed, boolean spacesAroundQuotes) {
        this.required = List.copyOf(required);
        this.fixed = fixed;
        this.spacesAroundQuotes = spacesAroundQuotes;
    }

    /**
     * A table of these columns and no others of its own: a missing column is reported with the
     * whole list, which is the header to write.
     */
    public static CsvTable withColumns(List<String> columns) {
        return new CsvTable(columns, true, false);
    }

    /**
     * A table that needs these columns and may have any others: a missing column is reported with
     * the header as it is, since the required ones alone would not be the header to write.
     */
    public static CsvTable requiring(List<String> columns) {
        return new CsvTable(columns, false, false);
    }

    /** Also accepts spaces between a delimiter and a quoted value: {@code a, "b, c"}. */
    public CsvTable allowingSpacesAroundQuotes() {
        return new CsvTable(required, fixed, true);
    }

    /** Where the records and values of {@code text}, read by this table, stand in it. */
    public CsvPositions positionsIn(String text) {
        return new CsvPositions(text, spacesAroundQuotes);
    }

    /**
     * Reads the records. Its own checked exceptions pass through {@link #read}; I/O and argument or
     * state exceptions count as broken CSV, since Commons CSV raises those while iterating.
     */
    @FunctionalInterface
    public interface Rows<T, X extends Exception> {
        T read(List<String> header, Iterable<CSVRecord> records) throws X;
    }

    /**
     * Checks the header, then hands it and the records to {@code rows}.
     *
     * @throws CsvTableException when the text is not CSV, has a broken header or lacks a required
     *     column; its message says which and where, for the caller to put the file's name in front
     */
    public <T, X extends Exception> T read(String text, Rows<T, X> rows)
            throws CsvTableException, X {
        CSVFormat.Builder format =
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setTrim(true);
        if (spacesAroundQuotes) {
            format.setIgnoreSurroundingSpaces(true);
        }
        CSVParser parser;
        try {
            parser =
                    CSVParser.builder()
                            .setReader(new StringReader(text))
                            .setFormat(format.get())
                            .get();
        } catch (IOException | UncheckedIOException e) {
            throw syntaxError(text, e);
        } catch (IllegalArgumentException e) {
            // Commons CSV reports a broken header (an empty or repeated name) so.
            throw new CsvTableException(
                    "line " + headerLine(text), "not valid CSV: " + shortened(e.getMessage()), e);
        }
        try (parser) {
            List<String> header = parser.getHeaderNames();
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new CsvTableException(
                            "the header (line "
                                    + headerLine(text)
                                    + ") lacks the column '"
                                    + column
                                    + "'; "
                                    + (fixed
                                            ? "expected " + String.join(",", required)
                                            : "it has: " + shortened(String.join(", ", header))));
                }
            }
            return rows.read(header, parser);
        } catch (IOException
                | UncheckedIOException
                | IllegalArgumentException
                | IllegalStateException e) {
            throw syntaxError(text, e);
        }
    }

    /** Commons CSV's error, placed by line and column where the scanner finds the same one. */
    private CsvTableException syntaxError(String text, Exception e) {
        CsvScanner.Problem problem = new CsvScanner(text, spacesAroundQuotes).firstProblem();
        if (problem != null) {
            return new CsvTableException(
                    TextLines.of(text).at(problem.offset()).toString(),
                    "not valid CSV: " + problem.reason(),
                    e);
        }
        return new CsvTableException("not valid CSV: " + shortened(e.getMessage()), e);
    }

    private int headerLine(String text) {
        return TextLines.of(text)
                .at(new CsvScanner(text, spacesAroundQuotes).recordStart(0))
                .line();
    }

    /**
     * Commons CSV's messages quote the whole header, which may be anything up to a whole file: cut
     * short, and on one line.
     */
    private static String shortened(String message) {
        if (message == null) {
            return null;
        }
        String shown =
                message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
        return shown.replace("\r", "\\r").replace("\n", "\\n");
    }
}
