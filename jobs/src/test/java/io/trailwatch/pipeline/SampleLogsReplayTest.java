package io.trailwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Replays sample-logs/ as the README's first command does and asserts the exact outcome. */
class SampleLogsReplayTest {
    static final Path SAMPLE_LOGS = Path.of("..", "sample-logs");

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path dir;

    @Test
    void everyRecordDecodesAndTheUnownedSandboxAccountIsReported() throws Exception {
        ReplayRun run =
                ReplayRun.of(
                        List.of(SAMPLE_LOGS.resolve("logs")),
                        SAMPLE_LOGS.resolve("ownership.csv"),
                        2,
                        dir);

        assertThat(run.deadLetters).isEmpty();
        assertThat(run.count(Counters.DEAD_LETTERS)).isZero();
        assertThat(run.count(Counters.CLOUDTRAIL_RECORDS)).isEqualTo(873);
        assertThat(run.count(Counters.FLOW_RECORDS)).isEqualTo(3219);
        assertThat(run.count(Counters.FLOW_NODATA)).isEqualTo(2);
        assertThat(run.count(Counters.FLOW_SKIPDATA)).isEqualTo(1);
        assertThat(run.counters.keySet()).noneMatch(k -> k.startsWith(Counters.LATE_RECORDS));

        assertThat(run.alerts).hasSize(1);
        JsonNode alert = run.alerts.get(0);
        assertThat(alert.get("alertId").asText()).isEqualTo("tw-eb9ced0979f3420fd02e5a23186ed41e");
        assertThat(alert.get("ruleId").asText()).isEqualTo("TW-OWN-01");
        assertThat(alert.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(alert.get("account").asText()).isEqualTo("210987654321");
        assertThat(alert.at("/owner/team").asText()).isEqualTo("unowned");
        assertThat(alert.get("eventTime").asText()).isEqualTo("2026-10-14T09:12:04Z");
        assertThat(alert.at("/evidence/count").asLong()).isEqualTo(9);
        assertThat(alert.at("/evidence/firstSeen").asText()).isEqualTo("2026-10-14T09:12:04Z");
        assertThat(alert.at("/evidence/lastSeen").asText()).isEqualTo("2026-10-14T09:47:13Z");
        assertThat(alert.at("/evidence/eventIds")).hasSize(9);
        assertThat(alert.at("/evidence/fields/windowStart").asText())
                .isEqualTo("2026-10-14T09:00:00Z");
    }
}
