package io.trailwatch.ingest.kinesis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.trailwatch.ingest.kinesis.KinesisPayloads.bytes;
import static io.trailwatch.ingest.kinesis.KinesisPayloads.cloudTrail;
import static io.trailwatch.ingest.kinesis.KinesisPayloads.cloudWatchLogs;
import static io.trailwatch.ingest.kinesis.KinesisPayloads.flowLine;
import static io.trailwatch.ingest.kinesis.KinesisPayloads.lines;
import static io.trailwatch.ingest.kinesis.KinesisPayloads.raw;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.alert.AlertIds;
import io.trailwatch.alert.sink.FormBody;
import io.trailwatch.alert.sink.sns.SnsQueryProtocol;
import io.trailwatch.config.RunSettings;
import io.trailwatch.testing.TestClusters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;

/**
 * {@code trailwatch run} end to end: Kinesis (the local emulator) in, the shared pipeline on a
 * MiniCluster with exactly-once checkpoints on RocksDB, Kinesis out, and SNS and Slack (WireMock)
 * when the Delivery group configures them.
 */
class StreamingJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final String OWNED = "111122223333";
    private static final String UNOWNED = "999988887777";
    private static final String UNOWNED_FLOWS = "444455556666";
    private static final String RULE = "TW-OWN-01";

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(4);

    /** Slack, Secrets Manager and SNS on 127.0.0.1, for the Delivery group. */
    @RegisterExtension static final WireMockExtension DELIVERY = SnsQueryProtocol.localServer();

    private static KinesisEmulator kinesis;

    @TempDir Path dir;

    /** Per test, so that each one is reported as skipped (with the reason) without an emulator. */
    @BeforeEach
    void connect() {
        if (kinesis == null) {
            kinesis = KinesisEmulator.connect();
        }
    }

    @AfterAll
    static void disconnect() {
        if (kinesis != null) {
            kinesis.close();
        }
    }

    @Test
    void everyEnvelopeIsDecodedAndAlertsAndDeadLettersCarryTheirOrigin() throws Exception {
        // Two shards, all records on one: the empty shard (and the reader without records) must
        // not hold back event time.
        String cloudTrail = kinesis.createStream("cloudtrail", 2);
        String flows = kinesis.createStream("flows", 1);
        String alerts = kinesis.createStream("alerts", 1);
        String deadLetters = kinesis.createStream("dead-letters", 1);
        List<String> expectedDeadOrigins = new ArrayList<>();

        // CloudWatch Logs subscription payload with several CloudTrail events, one of them owned.
        put(
                cloudTrail,
                cloudWatchLogs(
                        "aws-cloudtrail-logs",
                        List.of(
                                cloudTrail(UNOWNED, "e1", T0.plusSeconds(10)).toString(),
                                cloudTrail(UNOWNED, "e2", T0.plusSeconds(20)).toString(),
                                cloudTrail(OWNED, "e3", T0.plusSeconds(25)).toString(),
                                cloudTrail(UNOWNED, "e4", T0.plusSeconds(30)).toString())));
        put(cloudTrail, KinesisPayloads.eventBridge(cloudTrail(UNOWNED, "e5", T0.plusSeconds(40))));
        put(cloudTrail, raw(cloudTrail(UNOWNED, "e6", T0.plusSeconds(50))));
        put(cloudTrail, KinesisPayloads.controlMessage());
        expectedDeadOrigins.add(
                put(cloudTrail, new byte[] {0x00, 0x13, 0x37, (byte) 0xfe, 0x01, 0x02, 0x03}));
        expectedDeadOrigins.add(
                put(
                        cloudTrail,
                        KinesisPayloads.truncated(
                                KinesisPayloads.gzip(
                                        raw(cloudTrail(UNOWNED, "e7", T0.plusSeconds(55)))))));
        expectedDeadOrigins.add(
                put(cloudTrail, bytes("{\"eventVersion\": \"1.09\", \"eventTime\":")));
        // Later than the window plus lateness: closes the first minute.
        put(cloudTrail, raw(cloudTrail(OWNED, "e9", T0.plusSeconds(300))));

        put(
                flows,
                cloudWatchLogs(
                        "vpc-flow-logs",
                        List.of(
                                flowLine(UNOWNED_FLOWS, "eni-0aaa", T0.plusSeconds(5), "ACCEPT"),
                                flowLine(UNOWNED_FLOWS, "eni-0aaa", T0.plusSeconds(15), "REJECT"),
                                "2 "
                                        + UNOWNED_FLOWS
                                        + " eni-0aaa - - - - - - - "
                                        + T0.plusSeconds(20).getEpochSecond()
                                        + " "
                                        + T0.plusSeconds(80).getEpochSecond()
                                        + " - NODATA")));
        put(
                flows,
                lines(
                        flowLine(UNOWNED_FLOWS, "eni-0bbb", T0.plusSeconds(25), "ACCEPT"),
                        flowLine(UNOWNED_FLOWS, "eni-0bbb", T0.plusSeconds(35), "ACCEPT")));
        expectedDeadOrigins.add(put(flows, lines("2 " + UNOWNED_FLOWS + " eni-0ccc 10.0.0.1")));
        put(flows, lines(flowLine(OWNED, "eni-0fff", T0.plusSeconds(300), "ACCEPT")));

        Path checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
        Map<String, Properties> groups =
                StreamingJob.groups(
                        kinesis, table(OWNED), checkpoints, cloudTrail, flows, alerts, deadLetters);
        try (StreamingJob job = StreamingJob.start(CLUSTER, groups, checkpoints, null)) {
            job.await(
                    "2 alerts and 4 dead letters",
                    Duration.ofMinutes(3),
                    () -> read(alerts).size() >= 2 && read(deadLetters).size() >= 4);
            // Whatever else the job would emit by mistake has had time to arrive.
            long seen = job.latestCheckpoint();
            job.await(
                    "two more checkpoints",
                    Duration.ofMinutes(1),
                    () -> checkpointAfter(job, seen + 1));
        }

        Map<String, JsonNode> byAccount = byAccount(read(alerts));
        assertThat(byAccount).containsOnlyKeys(UNOWNED, UNOWNED_FLOWS);
        JsonNode cloudTrailAlert = byAccount.get(UNOWNED);
        assertThat(cloudTrailAlert.get("ruleId").asText()).isEqualTo(RULE);
        assertThat(cloudTrailAlert.get("alertId").asText())
                .isEqualTo(AlertIds.of(RULE, UNOWNED, Long.toString(T0.toEpochMilli())));
        assertThat(cloudTrailAlert.at("/evidence/count").asLong()).isEqualTo(5);
        assertThat(cloudTrailAlert.at("/evidence/eventIds"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("e1", "e2", "e4", "e5", "e6");
        assertThat(cloudTrailAlert.at("/owner/team").asText()).isEqualTo("unowned");
        JsonNode flowAlert = byAccount.get(UNOWNED_FLOWS);
        assertThat(flowAlert.get("alertId").asText())
                .isEqualTo(AlertIds.of(RULE, UNOWNED_FLOWS, Long.toString(T0.toEpochMilli())));
        assertThat(flowAlert.at("/evidence/count").asLong()).isEqualTo(4);

        List<JsonNode> dead = read(deadLetters);
        assertThat(dead).hasSize(4);
        assertThat(dead)
                .extracting(d -> d.get("origin").asText())
                .containsExactlyInAnyOrderElementsOf(expectedDeadOrigins);
        assertThat(dead).allSatisfy(d -> assertThat(d.get("reason").asText()).isNotBlank());
        assertThat(dead).allSatisfy(d -> assertThat(d.get("excerpt").asText()).isNotNull());
    }

    @Test
    void restartFromACheckpointNeitherLosesNorRepeatsAlerts() throws Exception {
        restartNeitherLosesNorRepeatsAlerts(
                (job, firstMinute) -> {
                    // A checkpoint begun after the alert was sent: restoring it must not send it
                    // again. Then the job fails (is cancelled) without a final snapshot.
                    long seen = job.latestCheckpoint();
                    job.await(
                            "a checkpoint after the alert",
                            Duration.ofMinutes(1),
                            () -> checkpointAfter(job, seen + 1));
                    job.cancel();
                    return job.latestCheckpointDir().orElseThrow();
                },
                2);
    }

    @Test
    void stopWithASavepointThenStartFromItAtAnotherParallelism() throws Exception {
        // The upgrade path (stop with a snapshot, start the new version from it), rescaled 2 -> 1.
        restartNeitherLosesNorRepeatsAlerts(
                (job, firstMinute) -> job.stopWithSavepoint(dir.resolve("savepoints")), 1);
    }

    /** How a test ends the first run: returns the snapshot to start the second one from. */
    private interface StopAndRetain {
        Path stop(StreamingJob job, String firstMinuteAlert) throws Exception;
    }

    private void restartNeitherLosesNorRepeatsAlerts(StopAndRetain stop, int parallelismAfter)
            throws Exception {
        String cloudTrail = kinesis.createStream("cloudtrail", 1);
        String flows = kinesis.createStream("flows", 1);
        String alerts = kinesis.createStream("alerts", 1);
        String deadLetters = kinesis.createStream("dead-letters", 1);
        Path checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
        Map<String, Properties> groups =
                StreamingJob.groups(
                        kinesis, table(OWNED), checkpoints, cloudTrail, flows, alerts, deadLetters);
        String firstMinute = AlertIds.of(RULE, UNOWNED, Long.toString(T0.toEpochMilli()));
        String secondMinute =
                AlertIds.of(RULE, UNOWNED, Long.toString(T0.plusSeconds(60).toEpochMilli()));

        // Before the restart: the first minute closes, the second is half full. The two consumers
        // start in either order: event time waits for both kinds, so the flow record cannot make
        // the CloudTrail records late.
        for (int s : new int[] {10, 20, 30, 70, 80, 90}) {
            put(cloudTrail, raw(cloudTrail(UNOWNED, "a" + s, T0.plusSeconds(s))));
        }
        put(flows, lines(flowLine(OWNED, "eni-0fff", T0.plusSeconds(90), "ACCEPT")));
        Path retained;
        try (StreamingJob job = StreamingJob.start(CLUSTER, groups, checkpoints, null)) {
            job.await(
                    "the first minute's alert",
                    Duration.ofMinutes(3),
                    () -> ids(read(alerts)).contains(firstMinute));
            retained = stop.stop(job, firstMinute);
        }
        assertThat(ids(read(alerts))).containsExactly(firstMinute);

        // After it: the rest of the second minute, then records that close it.
        put(cloudTrail, raw(cloudTrail(UNOWNED, "a100", T0.plusSeconds(100))));
        put(cloudTrail, raw(cloudTrail(UNOWNED, "a110", T0.plusSeconds(110))));
        put(cloudTrail, raw(cloudTrail(OWNED, "late", T0.plusSeconds(300))));
        put(flows, lines(flowLine(OWNED, "eni-0fff", T0.plusSeconds(300), "ACCEPT")));
        try (StreamingJob job =
                StreamingJob.start(CLUSTER, groups, checkpoints, retained, parallelismAfter)) {
            job.await(
                    "the second minute's alert",
                    Duration.ofMinutes(3),
                    () -> ids(read(alerts)).contains(secondMinute));
            long seen = job.latestCheckpoint();
            job.await(
                    "two more checkpoints",
                    Duration.ofMinutes(1),
                    () -> checkpointAfter(job, seen + 1));
        }

        List<JsonNode> all = read(alerts);
        // Not repeated: each id once. Not lost: the second minute counts the events read before
        // the restart (restored window state) and after it (restored shard positions, so nothing
        // is read twice either).
        assertThat(ids(all)).containsExactly(firstMinute, secondMinute);
        assertThat(all.get(0).at("/evidence/count").asLong()).isEqualTo(3);
        assertThat(all.get(1).at("/evidence/count").asLong()).isEqualTo(5);
        assertThat(all.get(1).at("/evidence/eventIds"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("a70", "a80", "a90", "a100", "a110");
        assertThat(read(deadLetters)).isEmpty();
    }

    @Test
    void theDeliveryGroupPostsAlertsToSlackAndPublishesThemToSns() throws Exception {
        String webhook = "/services/T0TRAILW/B0STREAM/str34mT0k3n";
        String secret =
                "arn:aws:secretsmanager:us-east-1:111122223333:secret:trailwatch/slack-AbCdEf";
        String topic = "arn:aws:sns:us-east-1:111122223333:trailwatch-alerts";
        DELIVERY.stubFor(
                post(urlEqualTo("/"))
                        .atPriority(1)
                        .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                                        .withBody(
                                                JSON.writeValueAsString(
                                                        Map.of(
                                                                "ARN",
                                                                secret,
                                                                "Name",
                                                                "trailwatch/slack",
                                                                "SecretString",
                                                                DELIVERY.baseUrl() + webhook)))));
        DELIVERY.stubFor(
                post(urlEqualTo("/"))
                        .atPriority(5)
                        .willReturn(aResponse().withTransformers(SnsQueryProtocol.NAME)));
        DELIVERY.stubFor(post(urlEqualTo(webhook)).willReturn(aResponse().withBody("ok")));
        String cloudTrail = kinesis.createStream("cloudtrail", 1);
        String flows = kinesis.createStream("flows", 1);
        String alerts = kinesis.createStream("alerts", 1);
        String deadLetters = kinesis.createStream("dead-letters", 1);
        Path checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
        Map<String, Properties> groups =
                StreamingJob.groups(
                        kinesis, table(OWNED), checkpoints, cloudTrail, flows, alerts, deadLetters);
        StreamingJob.put(groups, RunSettings.SNS_TOPIC.name(), topic);
        StreamingJob.put(groups, RunSettings.SNS_ENDPOINT.name(), DELIVERY.baseUrl());
        StreamingJob.put(
                groups, RunSettings.SLACK_DEFAULT_WEBHOOK.name(), "secretsmanager:" + secret);
        StreamingJob.put(groups, RunSettings.SLACK_SECRETS_ENDPOINT.name(), DELIVERY.baseUrl());
        String alertId = AlertIds.of(RULE, UNOWNED, Long.toString(T0.toEpochMilli()));

        put(cloudTrail, raw(cloudTrail(UNOWNED, "d1", T0.plusSeconds(10))));
        put(cloudTrail, raw(cloudTrail(UNOWNED, "d2", T0.plusSeconds(20))));
        put(cloudTrail, raw(cloudTrail(OWNED, "d3", T0.plusSeconds(300))));
        put(flows, lines(flowLine(OWNED, "eni-0fff", T0.plusSeconds(300), "ACCEPT")));
        try (StreamingJob job = StreamingJob.start(CLUSTER, groups, checkpoints, null)) {
            job.await(
                    "the alert in Slack, on the topic and on the stream",
                    Duration.ofMinutes(3),
                    () ->
                            !posted(webhook).isEmpty()
                                    && !published(topic).isEmpty()
                                    && !read(alerts).isEmpty());
            long seen = job.latestCheckpoint();
            job.await(
                    "two more checkpoints",
                    Duration.ofMinutes(1),
                    () -> checkpointAfter(job, seen + 1));
        }

        // The unowned account's alert goes to both default destinations, once each, and still to
        // the alerts stream.
        assertThat(posted(webhook)).hasSize(1);
        assertThat(posted(webhook).get(0)).contains(alertId).contains(UNOWNED);
        assertThat(published(topic)).hasSize(1);
        assertThat(JSON.readTree(published(topic).get(0)).get("alertId").asText())
                .isEqualTo(alertId);
        assertThat(ids(read(alerts))).containsExactly(alertId);
    }

    private static List<String> posted(String webhook) {
        return DELIVERY.findAll(postRequestedFor(urlEqualTo(webhook))).stream()
                .map(r -> r.getBodyAsString())
                .collect(Collectors.toList());
    }

    /** The messages published to {@code topic}. */
    private static List<String> published(String topic) {
        List<String> messages = new ArrayList<>();
        for (var r : DELIVERY.findAll(postRequestedFor(urlEqualTo("/")))) {
            Map<String, String> form = FormBody.parse(r.getBodyAsString());
            if ("PublishBatch".equals(form.get("Action")) && topic.equals(form.get("TopicArn"))) {
                form.forEach(
                        (k, v) -> {
                            if (k.matches("PublishBatchRequestEntries\\.member\\.\\d+\\.Message")) {
                                messages.add(v);
                            }
                        });
            }
        }
        return messages;
    }

    private static boolean checkpointAfter(StreamingJob job, long number) {
        try {
            return job.latestCheckpoint() > number;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a record; returns the origin the job must give it in a dead letter. */
    private static String put(String stream, byte[] data) {
        // One partition key: every record on the same shard, in order.
        PutRecordResponse r = kinesis.put(stream, "trailwatch-test", data);
        return KinesisSources.origin(stream, r.shardId(), r.sequenceNumber());
    }

    private Path table(String ownedAccount) throws IOException {
        Path table = dir.resolve("ownership.csv");
        Files.writeString(
                table,
                "match,team,environment,contact,trusted_cidrs\n"
                        + ownedAccount
                        + ",platform,prod,#platform-alerts,\n");
        return table;
    }

    private static List<JsonNode> read(String stream) {
        List<JsonNode> nodes = new ArrayList<>();
        for (byte[] record : kinesis.readAll(stream)) {
            try {
                nodes.add(JSON.readTree(record));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return nodes;
    }

    private static List<String> ids(List<JsonNode> alerts) {
        return alerts.stream().map(a -> a.get("alertId").asText()).collect(Collectors.toList());
    }

    private static Map<String, JsonNode> byAccount(List<JsonNode> alerts) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (JsonNode a : alerts) {
            assertThat(m.put(a.get("account").asText(), a))
                    .as("one alert per account and window")
                    .isNull();
        }
        return m;
    }
}
