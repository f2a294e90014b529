package io.trailwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.config.SuppressionFileParser;
import io.trailwatch.model.Severity;
import io.trailwatch.ownership.OwnershipTableParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * The story's alerts so far (sample-logs/README.md): rule, severity, resource, event time,
     * owner.
     */
    static final List<String> EXPECTED =
            List.of(
                    "TW-OWN-01 MEDIUM 210987654321 2026-10-14T09:12:04Z unowned",
                    "TW-IAM-01 HIGH arn:aws:iam::444455556666:root 2026-10-14T09:25:10Z platform",
                    "TW-NET-01 LOW sg-0a7b9c1d3e5f24681 2026-10-14T09:35:40Z platform",
                    "TW-NET-06 MEDIUM payments-web-acl 2026-10-14T09:40:22Z payments",
                    "TW-CMP-01 HIGH i-0a1b2c3d4e5f67890 2026-10-14T09:42:31Z payments",
                    "TW-DATA-01 CRITICAL acme-analytics-curated 2026-10-14T10:10:40Z data-engineering",
                    "TW-NET-01 CRITICAL sg-0c3f5a7b9d1e24680 2026-10-14T10:20:05Z platform-network",
                    "TW-IAM-02 MEDIUM arn:aws:iam::777788889999:user/analyst-mchen 2026-10-14T10:36:12Z data-engineering",
                    "TW-IAM-04 HIGH arn:aws:iam::777788889999:user/ops-temp 2026-10-14T10:41:30Z data-engineering",
                    "TW-IAM-03 HIGH ops-temp 2026-10-14T10:44:05Z data-engineering",
                    "TW-KMS-01 HIGH 9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31 2026-10-14T10:44:12Z payments",
                    "TW-NET-01 CRITICAL sg-0d4e6f8091a2b3c45 2026-10-14T10:47:30Z platform",
                    "TW-LOG-01 CRITICAL arn:aws:cloudtrail:eu-west-1:555566667777:trail/acme-org-trail 2026-10-14T10:50:13Z data-engineering");

    @Test
    void theStoryRaisesExactlyItsAlertsAndNoFalseOnes() throws Exception {
        ReplayRun run =
                ReplayRun.of(
                        List.of(SAMPLE_LOGS.resolve("logs")),
                        SAMPLE_LOGS.resolve("ownership.csv"),
                        2,
                        dir);

        assertThat(run.alerts.stream().map(SampleLogsReplayTest::summary))
                .containsExactlyInAnyOrderElementsOf(EXPECTED);
    }

    @Test
    void suppressionsSilenceKnownGoodActivityAndAreCounted() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("suppressions.csv"),
                        "rule_id,account,principal,resource,reason,expires\n"
                                + "TW-NET-01,444455556666,,sg-0a7b9c1d3e5f24681,public load balancer serves HTTPS,2026-12-31\n");
        PipelineSettings settings = PipelineSettings.forReplay();
        settings.rules.suppressions = SuppressionFileParser.parse(file);
        settings.rules.severityOverrides.put("TW-IAM-03", Severity.MEDIUM);
        settings.rules.disabled.add("TW-OWN-01");

        ReplayRun run =
                ReplayRun.of(
                        List.of(SAMPLE_LOGS.resolve("logs")),
                        OwnershipTableParser.parse(SAMPLE_LOGS.resolve("ownership.csv")),
                        settings,
                        2,
                        dir);

        List<String> expected = new ArrayList<>(EXPECTED);
        expected.remove("TW-NET-01 LOW sg-0a7b9c1d3e5f24681 2026-10-14T09:35:40Z platform");
        expected.remove("TW-OWN-01 MEDIUM 210987654321 2026-10-14T09:12:04Z unowned");
        expected.replaceAll(a -> a.startsWith("TW-IAM-03 HIGH") ? a.replace("HIGH", "MEDIUM") : a);
        assertThat(run.alerts.stream().map(SampleLogsReplayTest::summary))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run.count(Counters.SUPPRESSED + "TW-NET-01")).isEqualTo(1);
    }

    static String summary(JsonNode a) {
        return a.get("ruleId").asText()
                + " "
                + a.get("severity").asText()
                + " "
                + a.get("resource").asText()
                + " "
                + a.get("eventTime").asText()
                + " "
                + a.at("/owner/team").asText();
    }

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

        JsonNode alert =
                run.alerts.stream()
                        .filter(a -> a.get("ruleId").asText().equals("TW-OWN-01"))
                        .findFirst()
                        .orElseThrow();
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
