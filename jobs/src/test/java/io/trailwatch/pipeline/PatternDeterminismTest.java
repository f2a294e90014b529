package io.trailwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.metrics.Counters;
import io.trailwatch.ownership.OwnershipTableParser;
import io.trailwatch.testing.TestClusters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same logs give the same alerts however they arrive: records sorted or shuffled within each
 * file (the files' time order kept, as delivery keeps it), at parallelism 1 and 4. The windowed
 * detectors wait for the watermark and decide in event-time order, and alert ids come from the
 * rule, the key and the first evidence, never from arrival order.
 */
class PatternDeterminismTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(4);

    @TempDir Path dir;

    @Test
    void sortedOrShuffledAtParallelismOneOrFourTheAlertsAreTheSame() throws Exception {
        Path logs = SampleLogsReplayTest.SAMPLE_LOGS.resolve("logs");
        Path sorted = dir.resolve("sorted");
        Path shuffled = dir.resolve("shuffled");
        ReorderedLogs.sorted(logs, sorted);
        ReorderedLogs.shuffled(logs, shuffled, 7);
        assertThat(differingFiles(sorted, shuffled)).as("files reordered").isGreaterThan(100);

        Map<String, String> sorted1 = alerts(sorted, 1, "s1");
        Map<String, String> sorted4 = alerts(sorted, 4, "s4");
        Map<String, String> shuffled1 = alerts(shuffled, 1, "x1");
        Map<String, String> shuffled4 = alerts(shuffled, 4, "x4");

        assertThat(sorted1).hasSize(SampleLogsReplayTest.EXPECTED.size());
        assertThat(sorted1.values().stream().map(v -> v.substring(0, v.indexOf(" {"))))
                .containsExactlyInAnyOrderElementsOf(SampleLogsReplayTest.EXPECTED);
        assertThat(sorted4).isEqualTo(sorted1);
        assertThat(shuffled1).isEqualTo(sorted1);
        assertThat(shuffled4).isEqualTo(sorted1);
    }

    private static long differingFiles(Path a, Path b) throws Exception {
        try (var files = Files.walk(a)) {
            return files.filter(Files::isRegularFile)
                    .filter(
                            f -> {
                                try {
                                    return Files.mismatch(f, b.resolve(a.relativize(f).toString()))
                                            >= 0;
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                    .count();
        }
    }

    /** Alert id to its summary and evidence, for one replay. */
    private Map<String, String> alerts(Path logs, int parallelism, String name) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        ReplayRun run =
                ReplayRun.of(
                        List.of(logs),
                        OwnershipTableParser.parse(
                                SampleLogsReplayTest.SAMPLE_LOGS.resolve("ownership.csv")),
                        io.trailwatch.config.PipelineSettings.forReplay(),
                        parallelism,
                        work);
        assertThat(run.counters.keySet())
                .as("late records")
                .noneMatch(k -> k.startsWith(Counters.LATE_RECORDS));
        return run.alerts.stream()
                .collect(
                        Collectors.toMap(
                                a -> a.get("alertId").asText(),
                                a -> SampleLogsReplayTest.summary(a) + " " + a.get("evidence"),
                                (a, b) -> a + " | " + b,
                                TreeMap::new));
    }
}
