package io.trailwatch.detect.rules;

import static io.trailwatch.model.CloudTrailRecord.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.metrics.Counters;
import io.trailwatch.pipeline.ReplayRun;
import io.trailwatch.testing.TestClusters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Risky changes arriving in every supported envelope raise their alerts through the whole pipeline.
 */
class StatelessRulesEndToEndTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(4);

    @TempDir Path dir;

    @Test
    void everyEnvelopeReachesTheRules() throws Exception {
        String stopLogging =
                call("cloudtrail.amazonaws.com", "StopLogging")
                        .request("{\"name\":\"org-trail\"}")
                        .json();
        String sshOpen =
                call("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")
                        .request(
                                StatelessRulesTest.sg(
                                        "tcp",
                                        22,
                                        22,
                                        "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}",
                                        "{}"))
                        .json();
        String login =
                call("signin.amazonaws.com", "ConsoleLogin")
                        .iamUser("analyst-mchen")
                        .eventType("AwsConsoleSignIn")
                        .response("{\"ConsoleLogin\":\"Success\"}")
                        .additional("{\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"}")
                        .json();
        String keyDeletion =
                call("kms.amazonaws.com", "ScheduleKeyDeletion")
                        .request(
                                "{\"keyId\":\"9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31\",\"pendingWindowInDays\":7}")
                        .json();
        String flowLine =
                "2 444455556666 eni-0b2c3d4e5f6a70002 10.40.1.25 52.94.5.10 40112 443 6 20 4200 1760437560 1760437620 ACCEPT OK";

        Path logs = Files.createDirectories(dir.resolve("logs"));
        gzip(
                logs.resolve(
                        "444455556666_CloudTrail_eu-west-1_20261014T1020Z_A1B2C3D4E5F6G7H8.json.gz"),
                "{\"Records\":[" + stopLogging + "]}");
        Files.writeString(logs.resolve("records.jsonl"), sshOpen + "\n");
        Files.writeString(
                logs.resolve("eventbridge"),
                "{\"version\":\"0\",\"id\":\"6a7e8feb-b491-4cf7-a9f1-bf3703467718\",\"detail-type\":\"AWS Console Sign In via CloudTrail\","
                        + "\"source\":\"aws.signin\",\"account\":\"444455556666\",\"time\":\"2026-10-14T10:20:05Z\","
                        + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":"
                        + login
                        + "}\n");
        gzip(
                logs.resolve("cwl-firehose.gz"),
                cwl(keyDeletion)
                        + "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\","
                        + "\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[]}"
                        + cwl(flowLine));
        Path table =
                Files.writeString(
                        dir.resolve("owners.csv"),
                        "match,team,environment,contact,trusted_cidrs\n444455556666,platform,staging,#platform-oncall,\n");

        ReplayRun run = ReplayRun.of(List.of(logs), table, 2, dir);

        assertThat(run.deadLetters).isEmpty();
        assertThat(run.count(Counters.CLOUDTRAIL_RECORDS)).isEqualTo(4);
        assertThat(run.count(Counters.FLOW_RECORDS)).isEqualTo(1);
        assertThat(run.count(Counters.CLOUDWATCH_CONTROL)).isEqualTo(1);
        assertThat(run.alerts)
                .extracting(a -> a.get("ruleId").asText() + " " + a.get("severity").asText())
                .containsExactlyInAnyOrder(
                        "TW-LOG-01 CRITICAL",
                        "TW-NET-01 CRITICAL",
                        "TW-IAM-02 MEDIUM",
                        "TW-KMS-01 HIGH");
        for (JsonNode a : run.alerts) {
            assertThat(a.at("/owner/team").asText()).isEqualTo("platform");
            assertThat(a.at("/owner/contact").asText()).isEqualTo("#platform-oncall");
            assertThat(a.at("/evidence/eventIds")).hasSize(1);
        }
    }

    /**
     * The same risky change made five times in an hour: one alert now, one follow-up with the
     * count.
     */
    @Test
    void repeatedRiskyChangeIsOneAlertAndOneFollowUpAtAnyParallelism() throws Exception {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            records.append(i == 0 ? "" : ",")
                    .append(
                            call("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress")
                                    .request(
                                            StatelessRulesTest.sg(
                                                    "tcp",
                                                    22,
                                                    22,
                                                    "{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}",
                                                    "{}"))
                                    .at(
                                            "2026-10-14T10:2" + i + ":05Z",
                                            "5e0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c" + i)
                                    .json());
        }
        Path logs = Files.createDirectories(dir.resolve("repeats"));
        gzip(
                logs.resolve(
                        "444455556666_CloudTrail_eu-west-1_20261014T1025Z_R1R2R3R4R5R6R7R8.json.gz"),
                "{\"Records\":[" + records + "]}");
        Path table =
                Files.writeString(
                        dir.resolve("owners.csv"),
                        "match,team,environment,contact,trusted_cidrs\n444455556666,platform,staging,#platform-oncall,\n");

        ReplayRun one =
                ReplayRun.of(List.of(logs), table, 1, Files.createDirectories(dir.resolve("p1")));
        ReplayRun four =
                ReplayRun.of(List.of(logs), table, 4, Files.createDirectories(dir.resolve("p4")));

        for (ReplayRun run : List.of(one, four)) {
            assertThat(run.alerts).hasSize(2);
            JsonNode first =
                    run.alerts.stream()
                            .filter(a -> !a.has("followUpOf") || a.get("followUpOf").isNull())
                            .findFirst()
                            .orElseThrow();
            JsonNode followUp =
                    run.alerts.stream()
                            .filter(a -> a.hasNonNull("followUpOf"))
                            .findFirst()
                            .orElseThrow();
            assertThat(first.get("ruleId").asText()).isEqualTo("TW-NET-01");
            assertThat(first.get("eventTime").asText()).isEqualTo("2026-10-14T10:20:05Z");
            assertThat(followUp.get("followUpOf").asText())
                    .isEqualTo(first.get("alertId").asText());
            assertThat(followUp.get("suppressedCount").asInt()).isEqualTo(4);
        }
        assertThat(one.alerts)
                .extracting(a -> a.get("alertId").asText())
                .containsExactlyInAnyOrderElementsOf(
                        four.alerts.stream().map(a -> a.get("alertId").asText()).toList());
    }

    private static String cwl(String message) {
        String quoted =
                new String(
                        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                                .quoteAsString(message));
        return "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"444455556666\",\"logGroup\":\"trail\",\"logStream\":\"s\","
                + "\"subscriptionFilters\":[\"trailwatch\"],\"logEvents\":[{\"id\":\"1\",\"timestamp\":1760437205000,"
                + "\"message\":\""
                + quoted
                + "\"}]}";
    }

    private static void gzip(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
