package io.trailwatch.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The scanner reads CSV as Commons CSV does: on many small texts of the characters that matter, it
 * finds a quoting error exactly when Commons CSV fails, and every value Commons CSV reads starts
 * where the scanner says.
 */
class CsvScannerTest {
    private static final String ALPHABET = "ab,\" \t\r\n";

    @Test
    void agreesWithCommonsCsvOnWhereValuesStartAndWhetherQuotingIsBroken() throws Exception {
        Random random = new Random(29);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String text = sb.toString();
            check(text, false);
            check(text, true);
        }
    }

    private static void check(String text, boolean spacesAroundQuotes) throws Exception {
        CSVFormat.Builder format =
                CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true);
        if (spacesAroundQuotes) {
            format.setIgnoreSurroundingSpaces(true);
        }
        CsvScanner scanner = new CsvScanner(text, spacesAroundQuotes);
        String what =
                "'" + text.replace("\r", "\\r").replace("\n", "\\n") + "' " + spacesAroundQuotes;
        boolean failed = false;
        try (CSVParser parser =
                CSVParser.builder()
                        .setReader(new StringReader(text))
                        .setFormat(format.get())
                        .get()) {
            for (CSVRecord r : parser) {
                for (int f = 0; f < r.size(); f++) {
                    int start = scanner.fieldStart((int) r.getCharacterPosition(), f);
                    assertThat(start).as(what + " record " + r.getRecordNumber()).isNotNegative();
                    String value = r.get(f);
                    if (start < text.length() && text.charAt(start) == '"') {
                        continue;
                    }
                    assertThat(text.startsWith(value, start))
                            .as(what + " value '" + value + "' at " + start)
                            .isTrue();
                }
            }
        } catch (UncheckedIOException e) {
            failed = true;
        }
        assertThat(scanner.firstProblem() != null).as(what).isEqualTo(failed);
    }
}
