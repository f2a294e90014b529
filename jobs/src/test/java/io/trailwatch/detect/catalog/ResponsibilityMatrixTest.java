package io.trailwatch.detect.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.ownership.OwnershipTableParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown responsibility matrix stays a table whatever the ownership table's values hold. */
class ResponsibilityMatrixTest {
    @Test
    void pipesAndLineBreaksInTableValuesStayInsideTheirCell() throws Exception {
        String matrix =
                ResponsibilityMatrix.markdown(
                        OwnershipTableParser.parse(
                                "match,team,environment,contact,trusted_cidrs\n"
                                        + "111122223333,\"pay|ments\nteam\",prod|eu,\"#pay|alerts\",\n"
                                        + "s3://acme-exports,data\\|eng,\"prod\r\nstaging\",<b>data</b>,\n",
                                "owners.csv"),
                        RuleRegistry.builtIn().catalog());

        List<String> rows =
                matrix.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| area")).toList();
        List<String> teamRows =
                rows.stream()
                        .filter(l -> l.contains("acme-exports") || l.contains("1111"))
                        .toList();
        assertThat(teamRows).hasSize(2);
        for (String row : teamRows) {
            // | team | environment | contact | owns | areas watched |: six cell borders.
            assertThat(unescapedPipes(row)).as(row).isEqualTo(6);
        }
        assertThat(matrix)
                .contains("| pay\\|ments team | prod\\|eu | #pay\\|alerts | 111122223333 |")
                .contains(
                        "| data\\\\\\|eng | prod  staging | &lt;b>data&lt;/b> | s3://acme-exports |")
                .contains("\n## pay\\|ments team\n")
                .contains("\n## data\\\\\\|eng\n");
        // Every area row of every team is a table row of three cells.
        for (String row : rows) {
            if (!teamRows.contains(row) && !row.startsWith("| team")) {
                assertThat(unescapedPipes(row)).as(row).isEqualTo(4);
            }
        }
    }

    /** Cell borders: pipes not escaped by an odd run of backslashes (as GFM tables split cells). */
    private static int unescapedPipes(String row) {
        int count = 0;
        int backslashes = 0;
        for (char c : row.toCharArray()) {
            if (c == '|' && backslashes % 2 == 0) {
                count++;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return count;
    }
}
