package io.trailwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.config.SuppressionFileParser;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.metrics.Counters;
import io.trailwatch.model.Severity;
import io.trailwatch.ownership.OwnershipTableParser;
import io.trailwatch.testing.TestClusters;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Replays sample-logs/ as the README's first command does and asserts the exact outcome. */
class SampleLogsReplayTest {
    static final Path SAMPLE_LOGS = Path.of("..", "sample-logs");

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(2);

    @TempDir Path dir;

    private static final String ATTACKER =
            "arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890";
    private static final String MCHEN = "arn:aws:iam::777788889999:user/analyst-mchen";

    /**
     * The story's alerts (sample-logs/README.md, "Expected alerts"): rule, severity, resource,
     * event time (of the first evidence), owner.
     */
    static final List<String> EXPECTED =
            List.of(
                    "TW-OWN-01 MEDIUM 210987654321 2026-10-14T09:12:04Z unowned",
                    "TW-IAM-01 HIGH arn:aws:iam::444455556666:root 2026-10-14T09:25:10Z platform",
                    "TW-NET-01 LOW sg-0a7b9c1d3e5f24681 2026-10-14T09:35:40Z platform",
                    "TW-NET-06 MEDIUM payments-web-acl 2026-10-14T09:40:22Z payments",
                    "TW-CMP-01 HIGH i-0a1b2c3d4e5f67890 2026-10-14T09:42:31Z payments",
                    "TW-AUTH-01 MEDIUM 198.51.100.24 2026-10-14T10:01:10Z data-engineering",
                    "TW-CRED-01 HIGH i-0a1b2c3d4e5f67890 2026-10-14T10:05:12Z payments-web",
                    "TW-RECON-02 MEDIUM " + ATTACKER + " 2026-10-14T10:05:12Z payments-web",
                    "TW-EXFIL-01 HIGH " + ATTACKER + " 2026-10-14T10:06:05Z payments-web",
                    "TW-EXFIL-01 HIGH " + ATTACKER + " 2026-10-14T10:08:17Z payments-web",
                    "TW-DATA-01 CRITICAL acme-analytics-curated 2026-10-14T10:10:40Z data-engineering",
                    "TW-RECON-01 MEDIUM arn:aws:sts::777788889999:assumed-role/etl-runner/ci-1234"
                            + " 2026-10-14T10:16:20Z data-engineering",
                    "TW-NET-01 CRITICAL sg-0c3f5a7b9d1e24680 2026-10-14T10:20:05Z platform-network",
                    "TW-CORR-01 CRITICAL sg-0c3f5a7b9d1e24680 2026-10-14T10:20:05Z platform-network",
                    "TW-NETSCAN-02 HIGH 10.40.1.25 2026-10-14T10:26:03Z platform",
                    "TW-AUTH-01 MEDIUM " + MCHEN + " 2026-10-14T10:30:05Z data-engineering",
                    "TW-NETSCAN-01 LOW 10.40.1.30 2026-10-14T10:33:02Z platform",
                    "TW-AUTH-02 HIGH " + MCHEN + " 2026-10-14T10:36:12Z data-engineering",
                    "TW-IAM-02 MEDIUM " + MCHEN + " 2026-10-14T10:36:12Z data-engineering",
                    "TW-IAM-04 HIGH arn:aws:iam::777788889999:user/ops-temp 2026-10-14T10:41:30Z data-engineering",
                    "TW-EXFIL-02 HIGH eni-0a1b2c3d4e5f60001 2026-10-14T10:41:02Z payments",
                    "TW-IAM-03 HIGH ops-temp 2026-10-14T10:44:05Z data-engineering",
                    "TW-KMS-01 HIGH 9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31 2026-10-14T10:44:12Z payments",
                    "TW-NET-01 CRITICAL sg-0d4e6f8091a2b3c45 2026-10-14T10:47:30Z platform",
                    "TW-LOG-01 CRITICAL arn:aws:cloudtrail:eu-west-1:555566667777:trail/acme-org-trail 2026-10-14T10:50:13Z data-engineering",
                    "TW-CRED-05 MEDIUM null 2026-10-14T10:05:12Z payments-web",
                    "TW-CRED-05 MEDIUM null 2026-10-14T10:47:41Z data-engineering",
                    "TW-CRED-10 HIGH null 2026-10-14T10:52:12Z platform",
                    "TW-DESTROY-19 HIGH snap-00d871b0755b86a1d 2026-10-14T10:53:25Z platform",
                    "TW-DESTROY-20 HIGH acme-platform-artifacts 2026-10-14T10:55:02Z platform",
                    "TW-DESTROY-16 HIGH acme-platform-artifacts 2026-10-14T10:57:02Z platform",
                    "TW-DESTROY-08 HIGH acme-platform-artifacts 2026-10-14T10:58:31Z platform");

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
        settings.rules.suppressions =
                SuppressionFileParser.parse(file, RuleRegistry.builtIn()::contains);
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
        assertThat(run.count(Counters.CLOUDTRAIL_RECORDS)).isEqualTo(1035);
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

    /**
     * What the windowed rules' alerts say about each scene: counts, spans and the decisive values
     * the story's table gives.
     */
    @Test
    void thePatternAlertsCarryTheEvidenceOfTheirScenes() throws Exception {
        ReplayRun run =
                ReplayRun.of(
                        List.of(SAMPLE_LOGS.resolve("logs")),
                        SAMPLE_LOGS.resolve("ownership.csv"),
                        2,
                        dir);

        JsonSchema schema = schema();
        for (JsonNode alert : run.alerts) {
            assertThat(schema.validate(alert)).as(alert.toString()).isEmpty();
        }

        JsonNode cred = one(run, "TW-CRED-01", "");
        assertThat(cred.get("principal").asText()).isEqualTo(ATTACKER);
        assertThat(cred.at("/evidence/fields/sourceIPAddress").asText()).isEqualTo("198.51.100.77");
        assertThat(cred.at("/evidence/fields/ec2RoleDelivery").asText()).isEqualTo("1.0");
        assertThat(cred.at("/evidence/eventIds")).hasSize(10);

        JsonNode spray = one(run, "TW-AUTH-01", "198.51.100.24");
        assertThat(spray.at("/evidence/count").asLong()).isEqualTo(6);
        assertThat(spray.at("/evidence/fields/pattern").asText()).isEqualTo("password spraying");
        assertThat(spray.at("/evidence/fields/distinctUsers").asText()).isEqualTo("6");
        assertThat(spray.at("/evidence/lastSeen").asText()).isEqualTo("2026-10-14T10:03:56Z");

        JsonNode brute = one(run, "TW-AUTH-01", MCHEN);
        assertThat(brute.at("/evidence/count").asLong()).isEqualTo(7);
        assertThat(brute.at("/evidence/lastSeen").asText()).isEqualTo("2026-10-14T10:32:17Z");
        assertThat(brute.at("/evidence/fields/pattern").asText()).isEqualTo("brute force");

        JsonNode after = one(run, "TW-AUTH-02", MCHEN);
        assertThat(after.at("/evidence/fields/burstAlertId").asText())
                .isEqualTo(brute.get("alertId").asText());

        JsonNode denied = one(run, "TW-RECON-01", "");
        assertThat(denied.at("/evidence/count").asLong()).isEqualTo(14);
        assertThat(denied.at("/evidence/lastSeen").asText()).isEqualTo("2026-10-14T10:19:16Z");
        assertThat(denied.at("/evidence/fields/distinctApis").asText()).isEqualTo("13");

        JsonNode recon = one(run, "TW-RECON-02", "");
        assertThat(recon.at("/evidence/fields/distinctServices").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(recon.at("/evidence/fields/distinctApis").asInt()).isGreaterThanOrEqualTo(20);

        assertThat(
                        run.alerts.stream()
                                .filter(a -> a.get("ruleId").asText().equals("TW-EXFIL-01"))
                                .map(a -> a.at("/evidence/fields/reason").asText()))
                .containsExactlyInAnyOrder("volume", "list-then-read");

        JsonNode egress = one(run, "TW-EXFIL-02", "");
        assertThat(egress.at("/evidence/fields/destination").asText()).isEqualTo("198.51.100.90");
        assertThat(egress.at("/evidence/fields/bytes").asLong()).isGreaterThan(1L << 30);

        JsonNode ssh = one(run, "TW-NETSCAN-02", "");
        assertThat(ssh.get("principal").asText()).isEqualTo("192.0.2.44");
        assertThat(ssh.at("/evidence/fields/connections").asText()).isEqualTo("40");
        assertThat(ssh.at("/evidence/lastSeen").asText()).isEqualTo("2026-10-14T10:29:28Z");

        JsonNode scan = one(run, "TW-NETSCAN-01", "");
        assertThat(scan.get("principal").asText()).isEqualTo("192.0.2.200");
        assertThat(scan.at("/evidence/fields/distinctPorts").asText()).isEqualTo("40");
        assertThat(scan.at("/evidence/fields/actions").asText()).isEqualTo("REJECT");

        JsonNode corr = one(run, "TW-CORR-01", "");
        assertThat(corr.at("/evidence/fields/port").asText()).isEqualTo("22");
        assertThat(corr.at("/evidence/fields/firstConnection").asText())
                .isEqualTo("2026-10-14T10:26:03Z");
        assertThat(corr.at("/evidence/eventIds/1").asText()).contains("192.0.2.44:");
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("..", "schemas", "alert.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode one(ReplayRun run, String rule, String resource) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode a : run.alerts) {
            if (a.get("ruleId").asText().equals(rule)
                    && (resource.isEmpty() || a.get("resource").asText().equals(resource))) {
                found.add(a);
            }
        }
        assertThat(found).as(rule + " " + resource).hasSize(1);
        return found.get(0);
    }
}
