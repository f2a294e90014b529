package io.trailwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.PipelineSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.operators.SignalTags;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AwsRanges;
import io.trailwatch.model.CloudTrailRecord;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.AwsRangesFiles;
import io.trailwatch.ownership.AwsRangesParser;
import io.trailwatch.ownership.OwnershipTableParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.MultiInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class AnalysisOperatorTest {
    private static final String HEADER = "match,team,environment,contact,trusted_cidrs\n";
    private static final Duration LATENESS = Duration.ofMinutes(15);

    /** The harness numbers the operator's inputs from 0. */
    private static final int RAW = 0;

    private static final int TABLE = 1;

    /**
     * A real AuthorizeSecurityGroupIngress record (SSH opened to the world), as CloudTrail writes
     * it.
     */
    private static String sshOpened(String eventId, String time) {
        return "{\"eventVersion\":\"1.10\",\"userIdentity\":{\"type\":\"AssumedRole\","
                + "\"principalId\":\"AROAMOOAPWJZ5CD5E2GRV:tbaker@example.com\","
                + "\"arn\":\"arn:aws:sts::444455556666:assumed-role/PlatformAdmin/tbaker@example.com\","
                + "\"accountId\":\"444455556666\",\"accessKeyId\":\"ASIAXNGTDZG3RGGI22M6\","
                + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAMOOAPWJZ5CD5E2GRV\","
                + "\"arn\":\"arn:aws:iam::444455556666:role/PlatformAdmin\",\"accountId\":\"444455556666\","
                + "\"userName\":\"PlatformAdmin\"},\"attributes\":{\"creationDate\":\"2026-10-14T09:02:44Z\","
                + "\"mfaAuthenticated\":\"false\"}}},\"eventTime\":\""
                + time
                + "\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"AuthorizeSecurityGroupIngress\","
                + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"aws-cli/2.18.1\","
                + "\"requestParameters\":{\"groupId\":\"sg-0c3f5a7b9d1e24680\",\"ipPermissions\":{\"items\":"
                + "[{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"groups\":{},\"ipRanges\":{\"items\":"
                + "[{\"cidrIp\":\"0.0.0.0/0\",\"description\":\"temp vendor access\"}]},\"ipv6Ranges\":{},"
                + "\"prefixListIds\":{}}]}},\"responseElements\":{\"requestId\":\"83f94735-7eb3-4df0-a134-09cb27aff36f\","
                + "\"_return\":true},\"requestID\":\"37432c06-7289-46d1-a297-5687e4118ae5\",\"eventID\":\""
                + eventId
                + "\",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"444455556666\",\"eventCategory\":\"Management\"}";
    }

    private static RawRecord logFile(String... records) {
        String json = "{\"Records\":[" + String.join(",", records) + "]}";
        return new RawRecord(
                "s3://trail/AWSLogs/444455556666/CloudTrail/eu-west-1/2026/10/14/file.json.gz",
                RawKind.JSON,
                json.getBytes(StandardCharsets.UTF_8),
                null);
    }

    private static MultiInputStreamOperatorTestHarness<Alert> harness(OwnershipTable initial)
            throws Exception {
        return harness(initial, null);
    }

    private static MultiInputStreamOperatorTestHarness<Alert> harness(
            OwnershipTable initial, OperatorSubtaskState restored) throws Exception {
        PipelineSettings settings = PipelineSettings.forReplay();
        settings.allowedLateness = LATENESS;
        return harness(initial, restored, settings);
    }

    private static MultiInputStreamOperatorTestHarness<Alert> harness(
            OwnershipTable initial, OperatorSubtaskState restored, PipelineSettings settings)
            throws Exception {
        AnalysisOperator.Factory operator =
                new AnalysisOperator.Factory(
                        initial,
                        settings,
                        EnumSet.of(SignalKind.PUBLIC_INBOUND, SignalKind.SENSITIVE_PORT_OPENED));
        MultiInputStreamOperatorTestHarness<Alert> h =
                new MultiInputStreamOperatorTestHarness<>(operator);
        h.getExecutionConfig().setAutoWatermarkInterval(200);
        h.setup();
        if (restored != null) {
            h.initializeState(restored);
        }
        h.open();
        return h;
    }

    @Test
    void aNewTableTakesEffectWithoutRestartAndOutputsCarryEventTime() throws Exception {
        OwnershipTable updated =
                OwnershipTableParser.parse(
                        HEADER + "444455556666,platform,staging,#platform-oncall,\n", "v2.csv");
        try (var h = harness(OwnershipTable.empty())) {
            h.processElement(
                    RAW, new StreamRecord<>(logFile(sshOpened("e1", "2026-10-14T10:20:05Z"))));
            h.processElement(TABLE, new StreamRecord<>(updated));
            h.processElement(
                    RAW, new StreamRecord<>(logFile(sshOpened("e2", "2026-10-14T10:21:05Z"))));

            List<StreamRecord<Alert>> alerts = alertRecords(h);
            assertThat(alerts)
                    .extracting(r -> r.getValue().ruleId + " " + r.getValue().owner.team)
                    .containsExactly("TW-NET-01 unowned", "TW-NET-01 platform");
            assertThat(alerts)
                    .extracting(StreamRecord::getTimestamp)
                    .containsExactly(
                            Instant.parse("2026-10-14T10:20:05Z").toEpochMilli(),
                            Instant.parse("2026-10-14T10:21:05Z").toEpochMilli());
            // only the first event was in an account the table did not know
            assertThat(h.getSideOutput(AnalysisOperator.UNOWNED_ACTIVITY))
                    .extracting(r -> ((AccountActivity) r.getValue()).reference)
                    .containsExactly("e1");
        }
    }

    private static final int RANGES = 2;

    private static final EnumSet<SignalKind> CREDENTIALS =
            EnumSet.of(
                    SignalKind.INSTANCE_CREDENTIALS_OUTSIDE,
                    SignalKind.INSTANCE_CREDENTIALS_INSIDE_AWS);

    /** An EC2 instance-role session's call, as CloudTrail records it. */
    private static String instanceCall(String eventId, String time, String from) {
        return CloudTrailRecord.call("444455556666", "sts.amazonaws.com", "GetCallerIdentity")
                .readOnly()
                .instanceRole("payments-web-role", "i-0a1b2c3d4e5f67890", "2.0")
                .from(from)
                .at(time, eventId)
                .json();
    }

    private static MultiInputStreamOperatorTestHarness<Alert> rangesHarness(
            AwsRanges initial, OperatorSubtaskState restored) throws Exception {
        AnalysisOperator.Factory operator =
                new AnalysisOperator.Factory(
                        OwnershipTable.empty(),
                        initial,
                        true,
                        PipelineSettings.forReplay(),
                        CREDENTIALS);
        MultiInputStreamOperatorTestHarness<Alert> h =
                new MultiInputStreamOperatorTestHarness<>(operator);
        h.setup();
        if (restored != null) {
            h.initializeState(restored);
        }
        h.open();
        return h;
    }

    /** "KIND key" of every credential signal the operator sent, in order. */
    private static List<String> credentialSignals(MultiInputStreamOperatorTestHarness<Alert> h) {
        List<String> out = new java.util.ArrayList<>();
        for (SignalKind kind : CREDENTIALS) {
            var records = h.getSideOutput(SignalTags.of(kind));
            if (records != null) {
                for (var r : records) {
                    out.add(kind + " " + r.getValue().ref);
                }
            }
        }
        return out;
    }

    @Test
    void newAwsRangesTakeEffectWithoutRestartAndTheLaterPublishedWinAfterOne() throws Exception {
        AwsRanges older =
                AwsRangesParser.parse(
                        AwsRangesFiles.single("1791000000", "52.208.0.0/13", "eu-west-1", "EC2")
                                .getBytes(StandardCharsets.UTF_8),
                        "older.json");
        AwsRanges newer = AwsRangesFiles.parsed();
        OperatorSubtaskState snapshot;
        try (var h = rangesHarness(older, null)) {
            // 34.241.2.9 is EC2's only in the newer ranges
            h.processElement(
                    RAW,
                    new StreamRecord<>(
                            logFile(instanceCall("e1", "2026-10-14T10:20:05Z", "34.241.2.9"))));
            h.processElement(RANGES, new StreamRecord<>(newer));
            h.processElement(
                    RAW,
                    new StreamRecord<>(
                            logFile(instanceCall("e2", "2026-10-14T10:21:05Z", "34.241.2.9"))));

            assertThat(credentialSignals(h))
                    .containsExactly(
                            "INSTANCE_CREDENTIALS_OUTSIDE e1",
                            "INSTANCE_CREDENTIALS_INSIDE_AWS e2");
            snapshot = h.snapshot(1, 1);
        }
        // restored with the older ranges read at build time: the newer ones of the snapshot apply
        try (var h = rangesHarness(older, snapshot)) {
            h.processElement(
                    RAW,
                    new StreamRecord<>(
                            logFile(instanceCall("e3", "2026-10-14T10:22:05Z", "34.241.2.9"))));

            assertThat(credentialSignals(h)).containsExactly("INSTANCE_CREDENTIALS_INSIDE_AWS e3");
        }
        // restored with ranges published after the snapshot's: those apply
        AwsRanges latest =
                AwsRangesParser.parse(
                        AwsRangesFiles.single("1799000000", "52.208.0.0/13", "eu-west-1", "EC2")
                                .getBytes(StandardCharsets.UTF_8),
                        "latest.json");
        try (var h = rangesHarness(latest, snapshot)) {
            h.processElement(
                    RAW,
                    new StreamRecord<>(
                            logFile(instanceCall("e4", "2026-10-14T10:23:05Z", "34.241.2.9"))));

            assertThat(credentialSignals(h)).containsExactly("INSTANCE_CREDENTIALS_OUTSIDE e4");
        }
    }

    @Test
    void eventTimeFollowsTheDecodedRecordsAndTheEndOfInputPassesThrough() throws Exception {
        RawRecord run =
                flowRun(
                        "2 444455556666 eni-0a1b2c3d4e5f60718 198.51.100.9 10.0.1.15 51515 22 6 3 180 1760436000 1760436060 REJECT OK\n"
                                + "2 444455556666 eni-0a1b2c3d4e5f60718 198.51.100.9 10.0.1.15 51516 22 6 3 180 1760437200 1760437260 REJECT OK\n");
        try (var h = harness(OwnershipTable.empty())) {
            // the input's own watermarks mean nothing here
            h.processWatermark(RAW, new Watermark(5));
            h.processElement(RAW, new StreamRecord<>(run));
            h.setProcessingTime(1000);
            h.processWatermark(RAW, Watermark.MAX_WATERMARK);

            assertThat(watermarks(h))
                    .containsExactly(1_760_437_200_000L - LATENESS.toMillis() - 1, Long.MAX_VALUE);
        }
    }

    @Test
    void afterARestartAKindTheJobHadHoldsEventTimeBackUntilItComesAgain() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(OwnershipTable.empty())) {
            h.processElement(
                    RAW, new StreamRecord<>(logFile(sshOpened("e1", "2026-10-14T10:20:05Z"))));
            h.processElement(RAW, new StreamRecord<>(flowRun(1760436000L)));
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(OwnershipTable.empty(), snapshot)) {
            // flows come back first: CloudTrail, which the job had, must not be overtaken
            h.processElement(RAW, new StreamRecord<>(flowRun(1760437200L)));
            h.setProcessingTime(1000);
            assertThat(watermarks(h)).isEmpty();

            h.processElement(
                    RAW, new StreamRecord<>(logFile(sshOpened("e2", "2026-10-14T10:21:05Z"))));
            h.setProcessingTime(2000);
            // both kinds back: the lower (the flows') decides
            assertThat(watermarks(h)).containsExactly(1_760_437_200_000L - LATENESS.toMillis() - 1);
        }
    }

    @Test
    void atAStartEachKindTheJobHasAnInputForHoldsEventTimeBackUntilItComes() throws Exception {
        // trailwatch run with a CloudTrail and a flow stream, both read from a backlog: the flows'
        // consumer happens to deliver first.
        try (var h = harness(OwnershipTable.empty(), null, runSettings(true, true))) {
            // 2026-10-14T10:20:00Z
            h.processElement(RAW, new StreamRecord<>(flowRun(1791973200L)));
            h.setProcessingTime(1000);
            assertThat(watermarks(h)).isEmpty();

            // CloudTrail from twenty minutes earlier, more than the lateness, is still in time
            h.processElement(
                    RAW, new StreamRecord<>(logFile(sshOpened("e1", "2026-10-14T10:00:05Z"))));
            h.setProcessingTime(2000);
            assertThat(watermarks(h))
                    .containsExactly(
                            Instant.parse("2026-10-14T10:00:05Z").toEpochMilli()
                                    - LATENESS.toMillis()
                                    - 1);
            assertThat(alertRecords(h))
                    .extracting(r -> r.getValue().ruleId)
                    .containsExactly("TW-NET-01");
        }
    }

    @Test
    void withoutAnInputForAKindNothingWaitsForIt() throws Exception {
        // a run with a flow stream only: flows move event time at once
        try (var h = harness(OwnershipTable.empty(), null, runSettings(false, true))) {
            h.processElement(RAW, new StreamRecord<>(flowRun(1760437200L)));
            h.setProcessingTime(1000);
            assertThat(watermarks(h)).containsExactly(1_760_437_200_000L - LATENESS.toMillis() - 1);
        }
    }

    /** As {@code trailwatch run} configures the pipeline for the streams it has. */
    private static PipelineSettings runSettings(boolean cloudTrailStream, boolean flowStream) {
        PipelineSettings settings = new PipelineSettings();
        settings.allowedLateness = LATENESS;
        settings.idleness = Duration.ofHours(1);
        settings.awaitCloudTrail = cloudTrailStream;
        settings.awaitFlows = flowStream;
        return settings;
    }

    private static RawRecord flowRun(long startSeconds) {
        return flowRun(
                "2 444455556666 eni-0a1b2c3d4e5f60718 198.51.100.9 10.0.1.15 51515 443 6 3 180 "
                        + startSeconds
                        + " "
                        + (startSeconds + 60)
                        + " ACCEPT OK\n");
    }

    /** A run of flow log lines from the start of a file, as the file source sends them. */
    private static RawRecord flowRun(String lines) {
        RawRecord run =
                new RawRecord(
                        "flows.log",
                        RawKind.FLOW_LINES,
                        lines.getBytes(StandardCharsets.UTF_8),
                        null);
        run.firstLine = 1;
        return run;
    }

    @Test
    void undecodableInputBecomesADeadLetterWithItsReason() throws Exception {
        try (var h = harness(OwnershipTable.empty())) {
            h.processElement(
                    RAW,
                    new StreamRecord<>(
                            new RawRecord(
                                    "broken.json",
                                    RawKind.JSON,
                                    "{\"Records\":[{\"eventID\":".getBytes(StandardCharsets.UTF_8),
                                    null)));

            assertThat(h.getSideOutput(AnalysisOperator.DEAD_LETTERS))
                    .extracting(
                            r ->
                                    ((DeadLetter) r.getValue()).reason
                                            + " "
                                            + ((DeadLetter) r.getValue()).origin)
                    .containsExactly("invalid-json broken.json");
            assertThat(alertRecords(h)).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<StreamRecord<Alert>> alertRecords(
            MultiInputStreamOperatorTestHarness<Alert> h) {
        return h.getOutput().stream()
                .filter(o -> o instanceof StreamRecord)
                .map(o -> (StreamRecord<Alert>) o)
                .collect(Collectors.toList());
    }

    private static List<Long> watermarks(MultiInputStreamOperatorTestHarness<Alert> h) {
        return h.getOutput().stream()
                .filter(o -> o instanceof Watermark)
                .map(o -> ((Watermark) o).getTimestamp())
                .collect(Collectors.toList());
    }
}
