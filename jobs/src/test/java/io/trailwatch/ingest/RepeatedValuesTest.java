package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepeatedValuesTest {
    private final RepeatedValues values = new RepeatedValues();

    @Test
    void aValueRepeatedAtTheSamePositionIsTheSameString() {
        byte[] line1 = bytes("x ACCEPT OK");
        byte[] line2 = bytes("yy ACCEPT OK");

        String first = values.text(1, line1, 2, 8);
        String again = values.text(1, line2, 3, 9);

        assertThat(first).isEqualTo("ACCEPT");
        assertThat(again).isSameAs(first);
    }

    @Test
    void aDifferentValueIsANewStringEvenOfTheSameLength() {
        byte[] line = bytes("ACCEPT REJECT");

        assertThat(values.text(0, line, 0, 6)).isEqualTo("ACCEPT");
        assertThat(values.text(0, line, 7, 13)).isEqualTo("REJECT");
        assertThat(values.text(0, line, 0, 6)).isEqualTo("ACCEPT");
    }

    @Test
    void positionsAreKeptApart() {
        byte[] line = bytes("10.0.0.1 10.0.0.2");

        assertThat(values.text(3, line, 0, 8)).isEqualTo("10.0.0.1");
        assertThat(values.text(4, line, 9, 17)).isEqualTo("10.0.0.2");
        assertThat(values.text(3, line, 0, 8)).isEqualTo("10.0.0.1");
    }

    @Test
    void longAndNonAsciiValuesComeBackIntact() {
        String arn = "arn:aws:ecs:eu-west-1:111122223333:task-definition/" + "x".repeat(80) + ":1";
        byte[] line = bytes(arn + " caf\u00e9");

        assertThat(values.text(0, line, 0, arn.length())).isEqualTo(arn);
        assertThat(values.text(1, line, arn.length() + 1, line.length)).isEqualTo("caf\u00e9");
        assertThat(values.text(1, line, arn.length() + 1, line.length)).isEqualTo("caf\u00e9");
    }

    @Test
    void aPositionThatKeepsChangingPausesThenRepeatsAgainAfterThePause() {
        // Addresses change on every line: after a few misses in a row the position stops being
        // compared, every value still comes back right, and after the pause it is kept again.
        int n = RepeatedValues.MISSES_BEFORE_PAUSE + RepeatedValues.PAUSE;
        for (int i = 0; i < n; i++) {
            byte[] line = bytes("10.0." + (i / 250) + "." + (i % 250));
            assertThat(values.text(3, line, 0, line.length)).isEqualTo(new String(line));
        }
        byte[] port = bytes("10.9.9.9");
        String first = values.text(3, port, 0, port.length);
        assertThat(values.text(3, port, 0, port.length)).isEqualTo("10.9.9.9").isSameAs(first);
    }

    @Test
    void aRepeatingPositionNeverPauses() {
        byte[] accept = bytes("ACCEPT");
        String first = values.text(0, accept, 0, 6);
        for (int i = 0; i < 10 * RepeatedValues.MISSES_BEFORE_PAUSE; i++) {
            byte[] other = bytes("REJECT" + (i % 3));
            values.text(1, other, 0, other.length);
            assertThat(values.text(0, accept, 0, 6)).isSameAs(first);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
