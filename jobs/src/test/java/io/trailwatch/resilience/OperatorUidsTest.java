package io.trailwatch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.DeadLetterJson;
import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.sink.LineSink;
import io.trailwatch.cli.ReplayJob;
import io.trailwatch.cli.RunJob;
import io.trailwatch.config.DeliverySettings;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.config.RunSettings;
import io.trailwatch.model.Alert;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.AwsRangesFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operator uid of the replay and run job graphs, pinned. A start from a snapshot hands each
 * operator the state stored under its uid: an operator whose uid changed starts empty, and its old
 * state is refused (the service does not allow non-restored state). Renaming one must be a decision
 * taken here, with what it costs a deployment (deploy/README.md), not a side effect of a
 * refactoring. The lists are those the build of commit 014af50 produced, before the operators of
 * the stateful rules moved to detect.operators, with the operators added since: TW-CRED-02's join,
 * the source of AWS's published ranges, and the detector of the shipped rule files' correlations
 * (new operators: a snapshot of a build without them restores, and they start empty).
 */
class OperatorUidsTest {
    /** The detection graph every entry point shares (TrailwatchPipeline). */
    private static final List<String> DETECTION =
            List.of(
                    "analyze",
                    "TW-OWN-01",
                    "TW-OWN-01-late",
                    "TW-AUTH-01-address-v2",
                    "TW-AUTH-01-address-late",
                    "TW-AUTH-01-user-v2",
                    "TW-AUTH-01-user-late",
                    "TW-AUTH-02",
                    "TW-AUTH-02-late",
                    "TW-CORR-01",
                    "TW-CORR-01-late",
                    "TW-CRED-01-v2",
                    "TW-CRED-01-late",
                    "TW-CRED-02",
                    "TW-CRED-02-late",
                    "TW-EXFIL-01-list-then-read-v2",
                    "TW-EXFIL-01-list-then-read-late",
                    "TW-EXFIL-01-volume-v2",
                    "TW-EXFIL-01-volume-late",
                    "TW-EXFIL-02-v2",
                    "TW-EXFIL-02-late",
                    "TW-NETSCAN-01-hosts-v2",
                    "TW-NETSCAN-01-hosts-late",
                    "TW-NETSCAN-01-ports-v2",
                    "TW-NETSCAN-01-ports-late",
                    "TW-NETSCAN-02-v2",
                    "TW-NETSCAN-02-late",
                    "TW-RECON-01-v2",
                    "TW-RECON-01-late",
                    "TW-RECON-02-v2",
                    "TW-RECON-02-late",
                    "rule-file-correlations-v2",
                    "rule-file-correlations-late",
                    "alert-policy",
                    "alert-dedup",
                    "count-alerts");

    /** SNS and Slack delivery, when configured (AlertDeliveryStage). */
    private static final List<String> DELIVERY =
            List.of(
                    "alert-routing",
                    "unroutable-alerts",
                    "sns-deliveries",
                    "sns-alerts",
                    "slack-deliveries",
                    "slack-alerts");

    private static final List<String> REPLAY_IO =
            List.of("replay-files", "ownership-table", "alert-sink", "dead-letter-sink");

    private static final List<String> RUN_IO =
            List.of(
                    "kinesis-cloudtrail",
                    "kinesis-flow",
                    "ownership-table-polls",
                    "ownership-table-changes",
                    "ownership-table-updates",
                    "aws-ranges-polls",
                    "aws-ranges-changes",
                    "aws-ranges-updates",
                    "alert-stream-sink",
                    "alert-log-sink",
                    "dead-letter-stream-sink",
                    "dead-letter-log-sink");

    private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts";
    private static final String SLACK_SECRET = "secretsmanager:trailwatch/slack";

    @TempDir Path dir;

    @Test
    void theReplayGraphHasExactlyTheseUids() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ReplayJob.buildGraph(
                env,
                PipelineSettings.forReplay(),
                List.of(dir),
                OwnershipTable.empty(),
                alerts(),
                deadLetters());

        assertThat(uids(env)).containsExactlyInAnyOrderElementsOf(concat(DETECTION, REPLAY_IO));
    }

    @Test
    void theReplayGraphWithDeliveryHasExactlyTheseUids() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ReplayJob.buildGraph(
                env,
                PipelineSettings.forReplay(),
                List.of(dir),
                OwnershipTable.empty(),
                alerts(),
                deadLetters(),
                DeliverySettings.fromProperties(
                        Map.of(
                                "sns.default-topic-arn",
                                TOPIC,
                                "slack.webhook.default",
                                SLACK_SECRET)),
                DeliveryFailureOutput.jsonLines(dir.resolve("undelivered.jsonl").toString()));

        assertThat(uids(env))
                .containsExactlyInAnyOrderElementsOf(concat(DETECTION, REPLAY_IO, DELIVERY));
    }

    @Test
    void theRunGraphWithEveryOutputHasExactlyTheseUids() throws Exception {
        Path table = dir.resolve("ownership.csv");
        Files.writeString(table, "match,team\n111122223333,payments\n");
        Map<String, Properties> groups = new TreeMap<>();
        put(groups, "Input", "region", "eu-west-1");
        put(groups, "Input", "cloudtrail.stream", "cloudtrail");
        put(groups, "Input", "flow.stream", "flows");
        put(groups, "Ownership", "table.location", table.toString());
        Path ranges = Files.writeString(dir.resolve("ip-ranges.json"), AwsRangesFiles.text());
        put(groups, "AwsRanges", "location", ranges.toString());
        put(groups, "Output", "alerts.stream", "alerts");
        put(groups, "Output", "deadletters.stream", "dead-letters");
        put(groups, "Delivery", "sns.default-topic-arn", TOPIC);
        put(groups, "Delivery", "slack.webhook.default", SLACK_SECRET);
        RunSettings settings = RunSettings.from(groups);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RunJob.buildGraph(
                env,
                settings,
                RunJob.readInitialTable(settings),
                RunJob.readInitialAwsRanges(settings));

        assertThat(uids(env))
                .containsExactlyInAnyOrderElementsOf(concat(DETECTION, RUN_IO, DELIVERY));
    }

    /** The uid of every node of the graph Flink runs, which is what snapshot state is keyed by. */
    private static List<String> uids(StreamExecutionEnvironment env) {
        List<String> uids = new ArrayList<>();
        for (StreamNode node : env.getStreamGraph(false).getStreamNodes()) {
            uids.add(node.getTransformationUID());
        }
        return uids;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    private LineSink<Alert> alerts() {
        return LineSink.toFile(dir.resolve("alerts.jsonl"), AlertJson::toJson);
    }

    private LineSink<DeadLetter> deadLetters() {
        return LineSink.toFile(dir.resolve("dead-letters.jsonl"), DeadLetterJson::toJson);
    }

    private static void put(
            Map<String, Properties> groups, String group, String key, String value) {
        groups.computeIfAbsent(group, g -> new Properties()).setProperty(key, value);
    }
}
