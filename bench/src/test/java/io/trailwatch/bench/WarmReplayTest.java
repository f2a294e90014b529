package io.trailwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.generate.LogGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmReplayTest {
    @TempDir Path dir;

    /** What a run printed on standard error, and how it ended. */
    private record Outcome(int status, String err) {}

    private static Outcome run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = WarmReplay.run(args);
            return new Outcome(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void theMeasuredReplayIsTheOnlyOneReported_andItCountsTheMeasuredInput() throws Exception {
        Path warmUp = dir.resolve("warm-up");
        Path measured = dir.resolve("measured");
        new LogGenerator(warmUp, 2_000, 7).generate();
        LogGenerator.Result input = new LogGenerator(measured, 3_000, 42).generate();

        Outcome o = run(warmUp.toString(), measured.toString(), "1", "heap");

        assertThat(o.status).as(o.err).isZero();
        assertThat(o.err).contains("WarmReplay: warm-up replay of " + warmUp);
        assertThat(o.err.split("Trailwatch replay summary", -1)).as(o.err).hasSize(2);
        assertThat(o.err)
                .containsPattern(
                        "CloudTrail records +" + String.format("%,d", input.cloudTrailRecords))
                .containsPattern("flow records +" + String.format("%,d", input.flowRecords));
    }

    @Test
    void aFailedWarmUpSaysWhyAndStops() throws Exception {
        Path warmUp = dir.resolve("warm-up");
        Path measured = dir.resolve("measured");
        new LogGenerator(warmUp, 500, 7).generate();
        new LogGenerator(measured, 500, 42).generate();
        // An ownership table the parser refuses: the warm-up replay cannot start.
        Files.writeString(warmUp.resolve("ownership.csv"), "not,a\ntable");

        Outcome o = run(warmUp.toString(), measured.toString(), "1", "heap");

        assertThat(o.status).as(o.err).isNotZero();
        assertThat(o.err)
                .contains("ownership.csv")
                .contains("WarmReplay: the warm-up replay of " + warmUp + " failed")
                .doesNotContain("Trailwatch replay summary");
    }

    @Test
    void anInputThatIsNotAGeneratedOneIsAUsageError() {
        Outcome o = run(dir.toString(), dir.toString(), "1", "heap");

        assertThat(o.status).isEqualTo(2);
        assertThat(o.err).contains("has no logs/ and ownership.csv");
    }
}
