package io.trailwatch.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTableTest {
    static final class RowException extends Exception {}

    private static List<List<String>> values(CsvTable table, String text) throws Exception {
        return table.read(
                text,
                (header, records) -> {
                    List<List<String>> out = new ArrayList<>();
                    for (CSVRecord r : records) {
                        out.add(r.toList());
                    }
                    return out;
                });
    }

    @Test
    void aFixedTableNamesTheWholeHeaderWhenAColumnIsMissing() {
        assertThatThrownBy(() -> values(CsvTable.withColumns(List.of("a", "b", "c")), "a,c\n1,2\n"))
                .isInstanceOf(CsvTableException.class)
                .hasMessage("the header (line 1) lacks the column 'b'; expected a,b,c");
    }

    @Test
    void anOpenTableShowsTheHeaderItHasWhenAColumnIsMissing() {
        assertThatThrownBy(() -> values(CsvTable.requiring(List.of("a", "b")), "a,x,y\n1,2,3\n"))
                .isInstanceOf(CsvTableException.class)
                .hasMessage("the header (line 1) lacks the column 'b'; it has: a, x, y");
    }

    @Test
    void aBrokenHeaderIsNotValidCsvWithTheParsersReasonOnItsLine() {
        assertThatThrownBy(() -> values(CsvTable.requiring(List.of("a")), ",a\n1,2\n"))
                .isInstanceOf(CsvTableException.class)
                .hasMessageStartingWith("line 1: not valid CSV: A header name is missing")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values(CsvTable.requiring(List.of("a")), "\r\n\r\na,a\n1,2\n"))
                .hasMessageStartingWith("line 3: not valid CSV: The header contains a duplicate");
    }

    @Test
    void brokenQuotingIsNamedByTheLineAndColumnOfTheFile() {
        CsvTable table = CsvTable.requiring(List.of("a"));
        assertThatThrownBy(() -> values(table, "a,b\n\n1,\"x\ny\"\n\"2,3\n"))
                .isInstanceOf(CsvTableException.class)
                .hasMessage(
                        "line 5, column 1: not valid CSV: the quoted value that starts here is"
                                + " never closed (a quote inside a quoted value is written twice: \"\")")
                .satisfies(
                        e -> {
                            CsvTableException c = (CsvTableException) e;
                            assertThat(c.where()).isEqualTo("line 5, column 1");
                            assertThat(c.reason()).startsWith("not valid CSV: the quoted value");
                        });
        assertThatThrownBy(() -> values(table, "a,b\r1,\"2\"  x\r"))
                .hasMessageStartingWith(
                        "line 2, column 8: not valid CSV: text after the closing quote of a value");
        assertThatThrownBy(() -> values(table, "a,\"b\n"))
                .hasMessageStartingWith("line 1, column 3: not valid CSV: the quoted value");
    }

    @Test
    void placesRecordsAndValuesByTheLineAndColumnOfTheFile() throws Exception {
        CsvTable table = CsvTable.requiring(List.of("a")).allowingSpacesAroundQuotes();
        String text = "a,b,c\r\n\r\n1, \"x\r\ny\" ,3\r\r4,,  \uD83D\uDE00 6\n";
        CsvPositions at = table.positionsIn(text);

        List<String> places =
                table.read(
                        text,
                        (header, records) -> {
                            List<String> out = new ArrayList<>();
                            for (CSVRecord r : records) {
                                out.add(
                                        at.of(r)
                                                + " | "
                                                + at.of(r, 0)
                                                + " | "
                                                + at.of(r, 1)
                                                + " | "
                                                + at.of(r, 2)
                                                + " | "
                                                + at.of(r, 3));
                            }
                            return out;
                        });

        assertThat(places)
                .containsExactly(
                        "line 3, column 1 | line 3, column 1 | line 3, column 4 | line 4, column 5"
                                + " | line 3, column 1",
                        "line 6, column 1 | line 6, column 1 | line 6, column 3 | line 6, column 6"
                                + " | line 6, column 1");
    }

    @Test
    void trimsValuesSkipsBlankLinesAndOnRequestSpacesAroundQuotes() throws Exception {
        String text = "a,b\n 1 , 2 \n\n3, \"4, 5\"\n";
        assertThat(values(CsvTable.requiring(List.of("a")).allowingSpacesAroundQuotes(), text))
                .containsExactly(List.of("1", "2"), List.of("3", "4, 5"));
        assertThat(values(CsvTable.requiring(List.of("a")), text))
                .containsExactly(List.of("1", "2"), List.of("3", "\"4", "5\""));
    }

    @Test
    void aCheckedExceptionOfTheRowsPassesThrough() {
        assertThatThrownBy(
                        () ->
                                CsvTable.requiring(List.of("a"))
                                        .read(
                                                "a\n1\n",
                                                (header, records) -> {
                                                    throw new RowException();
                                                }))
                .isInstanceOf(RowException.class);
    }
}
