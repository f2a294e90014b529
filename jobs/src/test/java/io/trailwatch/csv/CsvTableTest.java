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
    void brokenCsvIsNotValidCsvWithTheParsersReason() {
        assertThatThrownBy(() -> values(CsvTable.requiring(List.of("a")), ",a\n1,2\n"))
                .isInstanceOf(CsvTableException.class)
                .hasMessageStartingWith("not valid CSV: A header name is missing")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values(CsvTable.requiring(List.of("a")), "a,a\n1,2\n"))
                .hasMessageStartingWith("not valid CSV");
        assertThatThrownBy(() -> values(CsvTable.requiring(List.of("a")), "a,b\n\"1,2\n"))
                .hasMessageStartingWith("not valid CSV");
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
