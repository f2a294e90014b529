package io.trailwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.generate.LogGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmReplayTest {
    @TempDir Path dir;

    @Test
    void theMeasuredReplayIsTheOnlyOneReported_andItCountsTheMeasuredInput() throws Exception {
        Path warmUp = dir.resolve("warm-up");
        Path measured = dir.resolve("measured");
        new LogGenerator(warmUp, 2_000, 7).generate();
        LogGenerator.Result input = new LogGenerator(measured, 3_000, 42).generate();

        String err;
        int status;
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            status = WarmReplay.run(warmUp.toString(), measured.toString(), "1", "heap");
        } finally {
            System.setErr(original);
        }
        err = captured.toString(StandardCharsets.UTF_8);

        assertThat(status).as(err).isZero();
        assertThat(err).contains("WarmReplay: warm-up replay of " + warmUp);
        assertThat(err.split("Trailwatch replay summary", -1)).as(err).hasSize(2);
        assertThat(err)
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
        // An ownership table with a row the parser refuses: the warm-up replay exits with usage.
        java.nio.file.Files.writeString(warmUp.resolve("ownership.csv"), "not,a\ntable");

        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = WarmReplay.run(warmUp.toString(), measured.toString(), "1", "heap");
        } finally {
            System.setErr(original);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err).isNotZero();
        assertThat(err)
                .contains("ownership.csv")
                .contains("WarmReplay: the warm-up replay of " + warmUp + " failed")
                .doesNotContain("Trailwatch replay summary");
    }

    @Test
    void anInputThatIsNotAGeneratedOneIsAUsageError() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = WarmReplay.run(dir.toString(), dir.toString(), "1", "heap");
        } finally {
            System.setErr(original);
        }
        assertThat(status).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("has no logs/ and ownership.csv");
    }
}
