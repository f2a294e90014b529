package io.trailwatch.resilience;

import static io.trailwatch.detect.windowed.Signals.at;
import static io.trailwatch.detect.windowed.Signals.series;
import static io.trailwatch.detect.windowed.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.DeadLetterJson;
import io.trailwatch.alert.TestAlerts;
import io.trailwatch.alert.sink.LineSink;
import io.trailwatch.cli.ReplayJob;
import io.trailwatch.cli.RunJob;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.config.RunSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.operators.SignalTags;
import io.trailwatch.detect.operators.ThresholdDetector;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailRecord;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.AwsRangesFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.transformations.MultipleInputTransformation;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.TwoInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.MultiInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State that the build of commit 014af50 snapshotted restores into this build's operators, and they
 * carry on from it as that build did: the same alerts (ids, rules, severities, times, evidence) and
 * the same TW-AUTH-01 bursts, at the same watermarks. 014af50 is the last build before the
 * operators of the stateful rules moved to detect.operators and the rules took their own settings.
 * A serializer snapshot naming a class that no longer exists fails the restore; a state renamed
 * does not (Flink keeps the old state aside and the operator starts that state empty), so what the
 * operators emit afterwards is compared, not only whether the restore succeeds.
 *
 * <p>How the files in {@code snapshots/014af50} were made: the build of 014af50 ran each operator,
 * with that build's default settings, in Flink's keyed operator harness, fed it signals up to
 * mid-way (signals held back before their due time, an incident not yet reported, a burst waiting
 * for a sign-in, an opened port waiting for connections, an open dedup episode, a half-filled
 * TW-OWN-01 window), wrote {@code harness.snapshot(1, 1)} with {@link
 * OperatorSnapshotUtil#writeStateHandle}, then took the steps each test below takes after the
 * restore and wrote what it emitted to the {@code .expected.json} next to the snapshot. They must
 * never be made again with the current code: a snapshot of this build restoring into this build
 * proves nothing about the previous one. An intended change of an alert's content may be edited
 * into the expected files by hand; an intended break of state compatibility (a new uid, as the
 * detectors' "-v2") retires the files of the operator it breaks.
 *
 * <p>{@code snapshots/129f67c/analyze-heap.snapshot} is the analysis operator's state as the build
 * of commit 129f67c, the last before AWS's published ranges, snapshotted it in the streaming job's
 * graph: a table published after the start (team payments) in its broadcast state, and the two
 * kinds of record the job had seen. That build took its operator from the graph, fed it the table
 * and a CloudTrail and a flow record, and wrote {@code harness.snapshot(1, 1)}; the same rule
 * holds: never made again with the current code.
 *
 * <p>Each operator is the one the job graph holds under the uid that its state is stored under, so
 * the test restores what a deployment started from a snapshot would. The threshold detectors are
 * restored on RocksDB as well: they rebuild their index of held signals from the backend's keys and
 * namespaces, which each backend lists its own way.
 */
class PreviousBuildSnapshotsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNAPSHOTS = "/snapshots/014af50/";

    @TempDir Path dir;

    // ------------------------------------------------------------------ TW-RECON-01

    private static final String ROLE =
            "111122223333 arn:aws:sts::111122223333:assumed-role/r/i-0a1b2c3d4e5f67890";
    private static final String DEPLOYER =
            "111122223333 arn:aws:iam::111122223333:user/ci-deployer";

    /**
     * At the snapshot: the role's 14 denials from 10:16:20 (every 12 s) handed over up to 10:18:30,
     * an incident open since the tenth (10:18:08) and due to report at 10:23:08, its last three
     * denials held back; the deployer's 6 denials from 10:19:00 all held back.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"heap", "rocksdb"})
    void deniedCallsCarryOnFromTheSnapshot(String backend) throws Exception {
        Expected expected = Expected.of("threshold-recon-01-" + backend);
        try (var h = oneInput(operator("TW-RECON-01-v2"), backend, expected)) {
            Recorder out = new Recorder(h);
            for (Signal s : denied(DEPLOYER, "10:20:00", 10, 6, "ci-later-")) {
                h.processElement(s, s.time);
            }
            Signal more = denied(ROLE, "10:22:00", 1, 1, "role-later-")[0];
            h.processElement(more, more.time);
            for (String t : new String[] {"10:23:07", "10:23:08", "10:25:30", "10:40:00"}) {
                h.processWatermark(at(t));
                out.take("watermark " + t);
            }
            h.processWatermark(Long.MAX_VALUE);
            out.take("watermark max");

            expected.assertEmitted(out);
        }
    }

    private static Signal[] denied(String key, String hms, int step, int n, String refPrefix) {
        Signal[] s = series(key, hms, step, n, i -> "svc" + i % 4 + ":Api" + i % 13);
        for (Signal x : s) {
            x.attribute = "AccessDenied";
            x.ref = refPrefix + x.ref;
        }
        return s;
    }

    // ------------------------------------------------------------------ TW-AUTH-01

    private static final String MCHEN_ADDRESS = "777788889999 198.51.100.23";
    private static final String OTHER_ADDRESS = "777788889999 203.0.113.71";

    /**
     * At the snapshot: 7 failures from 198.51.100.23 from 10:30:05 (every 20 s), six handed over
     * and an incident open since the fifth (10:31:25), due to report at 10:36:25; 3 failures from
     * 203.0.113.71 from 10:33:00 held back. Afterwards the first burst goes on past its report (so
     * it is published again when it ends) and the second reaches the threshold.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"heap", "rocksdb"})
    void failedLoginsCarryOnFromTheSnapshotAndPublishTheirBursts(String backend) throws Exception {
        Expected expected = Expected.of("threshold-auth-01-" + backend);
        try (var h = oneInput(operator("TW-AUTH-01-address-v2"), backend, expected)) {
            Recorder out = new Recorder(h);
            for (Signal s : failures(MCHEN_ADDRESS, "10:35:05", 20, 10, "m-later-")) {
                h.processElement(s, s.time);
            }
            for (Signal s : failures(OTHER_ADDRESS, "10:34:00", 20, 2, "o-later-")) {
                h.processElement(s, s.time);
            }
            for (String t : new String[] {"10:36:24", "10:36:25", "10:39:20", "10:50:00"}) {
                h.processWatermark(at(t));
                out.take("watermark " + t);
            }
            h.processWatermark(Long.MAX_VALUE);
            out.take("watermark max");

            expected.assertEmitted(out);
        }
    }

    private static Signal[] failures(String key, String hms, int step, int n, String prefix) {
        Signal[] s = series(key, hms, step, n, i -> i % 3 == 2 ? "analyst-ops" : "analyst-mchen");
        for (Signal x : s) {
            x.ref = prefix + x.ref;
        }
        return s;
    }

    // ------------------------------------------------------------------ TW-AUTH-02

    private static final String ACCOUNT = "777788889999";

    /**
     * At the snapshot: the mchen burst (last failure 10:32:17) among the account's recent bursts;
     * sign-ins of analyst-mchen at 10:36:12 and analyst-rdiaz at 10:37:00 waiting for their
     * holdback. Afterwards a sign-in from the burst's address within 15 minutes of its last
     * failure, and one too late.
     */
    @Test
    void aBurstWaitingForASignInCarriesOnFromTheSnapshot() throws Exception {
        Expected expected = Expected.of("login-after-burst-heap");
        try (KeyedTwoInputStreamOperatorTestHarness<String, LoginBurst, Signal, Alert> h =
                twoInput(operator("TW-AUTH-02"), expected)) {
            Recorder out = new Recorder(h);
            h.processElement2(signIn("10:44:00", "analyst-ops", "198.51.100.23"));
            h.processElement2(signIn("10:50:00", "analyst-mchen", "198.51.100.23"));
            for (String t : new String[] {"10:41:12", "10:49:00", "10:55:00"}) {
                h.processBothWatermarks(new Watermark(at(t)));
                out.take("watermark " + t);
            }
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            out.take("watermark max");

            expected.assertEmitted(out);
        }
    }

    private static StreamRecord<Signal> signIn(String hms, String user, String address) {
        Signal s =
                signal(ACCOUNT, hms, "signin-" + user + "-" + hms)
                        .value(user)
                        .attribute(address)
                        .detail("No");
        return new StreamRecord<>(s, s.time);
    }

    // ------------------------------------------------------------------ TW-CORR-01

    private static final String SSH = "444455556666 22";
    private static final String RDP = "444455556666 3389";

    /**
     * At the snapshot: port 22 opened at 10:20:05 and one connection (10:26:03) taken in, one
     * (10:27:10) held back; port 3389's opening (10:26:40) held back. Afterwards more connections
     * to both.
     */
    @Test
    void anOpenedPortWaitingForConnectionsCarriesOnFromTheSnapshot() throws Exception {
        Expected expected = Expected.of("exposed-port-correlation-heap");
        try (KeyedTwoInputStreamOperatorTestHarness<String, Signal, Signal, Alert> h =
                twoInput(operator("TW-CORR-01"), expected)) {
            Recorder out = new Recorder(h);
            h.processElement2(connection(SSH, "10:28:00", "192.0.2.44", "10.40.1.26"));
            h.processElement2(connection(SSH, "10:29:30", "203.0.113.9", "10.40.1.25"));
            h.processElement2(connection(RDP, "10:31:00", "192.0.2.80", "10.40.2.7"));
            for (String t : new String[] {"10:31:02", "10:36:00", "11:00:00"}) {
                h.processBothWatermarks(new Watermark(at(t)));
                out.take("watermark " + t);
            }
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            out.take("watermark max");

            expected.assertEmitted(out);
        }
    }

    private static StreamRecord<Signal> connection(
            String key, String hms, String source, String dest) {
        String port = key.split(" ")[1];
        Signal c =
                signal(key, hms, "eni " + source + " -> " + dest + ":" + port + " @" + hms)
                        .value(source)
                        .attribute(dest);
        return new StreamRecord<>(c, c.time);
    }

    // ------------------------------------------------------------------ dedup

    /**
     * At the snapshot: an episode of sg-0a1b2c3d4e5f60001 open since 09:00 (its first alert passed)
     * with the repeats of 09:10 and 09:20 folded in. Afterwards one more repeat, an alert of
     * another group, and the window's end.
     */
    @Test
    void anOpenDedupEpisodeCarriesOnFromTheSnapshot() throws Exception {
        Expected expected = Expected.of("alert-deduplicator-heap");
        try (var h = oneInput(operator("alert-dedup"), "heap", expected)) {
            Recorder out = new Recorder(h);
            Alert repeat =
                    TestAlerts.securityGroupOpened(
                            "e-4",
                            "2026-10-14T09:40:00Z",
                            "sg-0a1b2c3d4e5f60001",
                            TestAlerts.payments());
            h.processElement(repeat, repeat.eventTime);
            out.take("element e-4");
            Alert other =
                    TestAlerts.securityGroupOpened(
                            "e-5",
                            "2026-10-14T09:45:00Z",
                            "sg-0a1b2c3d4e5f60002",
                            TestAlerts.payments());
            h.processElement(other, other.eventTime);
            out.take("element e-5");
            for (String t : new String[] {"09:59:59.998", "09:59:59.999", "11:00:00"}) {
                h.processWatermark(Instant.parse("2026-10-14T" + t + "Z").toEpochMilli());
                out.take("watermark " + t);
            }

            expected.assertEmitted(out);
        }
    }

    // ------------------------------------------------------------------ TW-OWN-01

    /**
     * At the snapshot: the 10:00-11:00 window of account 999900001111 with three activities, and of
     * 999900002222 with one. Afterwards one more activity in the window and one in the next.
     */
    @Test
    void aHalfFilledUnownedAccountWindowCarriesOnFromTheSnapshot() throws Exception {
        Expected expected = Expected.of("unowned-account-window-heap");
        try (var h = oneInput(operator("TW-OWN-01"), "heap", expected)) {
            Recorder out = new Recorder(h);
            AccountActivity more = activity("999900001111", "10:40:00", "ev-4");
            h.processElement(more, more.eventTime);
            AccountActivity next = activity("999900001111", "11:00:00", "ev-5");
            h.processElement(next, next.eventTime);
            h.processWatermark(at("10:59:59") + 999);
            out.take("watermark 10:59:59.999");
            h.processWatermark(Long.MAX_VALUE);
            out.take("watermark max");

            expected.assertEmitted(out);
        }
    }

    private static AccountActivity activity(String account, String hms, String ref) {
        AccountActivity a = new AccountActivity();
        a.account = account;
        a.eventTime = at(hms);
        a.reference = ref;
        a.region = "eu-west-1";
        a.principal = "arn:aws:iam::" + account + ":user/ops";
        return a;
    }

    // ------------------------------------------------------------------ analyze (129f67c)

    /**
     * The analysis operator of a build that reads AWS's ranges (a third input, a broadcast state of
     * their own) restores 129f67c's state: the table it had in force, not the one read at this
     * start; the ranges, absent from that snapshot, are those read at start.
     */
    @Test
    void theAnalysisOperatorOfTheBuildBeforeAwsRangesRestoresWithThem() throws Exception {
        @SuppressWarnings("unchecked")
        StreamOperatorFactory<Alert> factory =
                ((MultipleInputTransformation<Alert>) runGraphOperator("analyze"))
                        .getOperatorFactory();
        try (var h = new MultiInputStreamOperatorTestHarness<>(factory)) {
            h.getExecutionConfig().setAutoWatermarkInterval(200);
            h.setup();
            h.initializeState(
                    OperatorSnapshotUtil.readStateHandle(
                            Path.of(
                                            PreviousBuildSnapshotsTest.class
                                                    .getResource(
                                                            "/snapshots/129f67c/analyze-heap.snapshot")
                                                    .toURI())
                                    .toString()));
            h.open();
            String call =
                    CloudTrailRecord.call("444455556666", "sts.amazonaws.com", "GetCallerIdentity")
                            .readOnly()
                            .instanceRole("payments-web-role", "i-0a1b2c3d4e5f67890", "2.0")
                            .from("34.241.2.9")
                            .at("2026-10-14T10:30:05Z", "after-restore")
                            .json();
            h.processElement(
                    0,
                    new StreamRecord<>(
                            new RawRecord(
                                    "trail.json",
                                    RawKind.JSON,
                                    ("{\"Records\":[" + call + "]}")
                                            .getBytes(StandardCharsets.UTF_8),
                                    null)));
            h.setProcessingTime(1000);

            var inside = h.getSideOutput(SignalTags.of(SignalKind.INSTANCE_CREDENTIALS_INSIDE_AWS));
            assertThat(inside).hasSize(1);
            Signal s = inside.iterator().next().getValue();
            assertThat(s.ref).isEqualTo("after-restore");
            assertThat(s.detail).isEqualTo("34.240.0.0/13 eu-west-1 AMAZON EC2");
            assertThat(s.owner.team).as("the table of the snapshot").isEqualTo("payments");
            assertThat(h.getSideOutput(SignalTags.of(SignalKind.INSTANCE_CREDENTIALS_OUTSIDE)))
                    .isNull();
        }
    }

    /**
     * The streaming job's graph with AWS's ranges (the tests' file), its table saying "platform".
     */
    private Transformation<?> runGraphOperator(String uid) throws Exception {
        Path table =
                Files.writeString(
                        dir.resolve("ownership.csv"), "match,team\n444455556666,platform\n");
        Path ranges = Files.writeString(dir.resolve("ip-ranges.json"), AwsRangesFiles.text());
        Map<String, Properties> groups = new TreeMap<>();
        put(groups, "Input", "region", "eu-west-1");
        put(groups, "Input", "cloudtrail.stream", "cloudtrail");
        put(groups, "Input", "flow.stream", "flows");
        put(groups, "Ownership", "table.location", table.toString());
        put(groups, "AwsRanges", "location", ranges.toString());
        RunSettings settings = RunSettings.from(groups);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RunJob.buildGraph(
                env,
                settings,
                RunJob.readInitialTable(settings),
                RunJob.readInitialAwsRanges(settings));
        return find(env, uid);
    }

    private static void put(
            Map<String, Properties> groups, String group, String key, String value) {
        groups.computeIfAbsent(group, g -> new Properties()).setProperty(key, value);
    }

    // ------------------------------------------------------------------ harness

    /** The job graph's transformation with this uid; a fresh graph, so a fresh operator. */
    private Transformation<?> operator(String uid) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ReplayJob.buildGraph(
                env,
                new PipelineSettings(),
                List.of(dir),
                OwnershipTable.empty(),
                LineSink.toFile(dir.resolve("alerts.jsonl"), AlertJson::toJson),
                LineSink.toFile(dir.resolve("dead-letters.jsonl"), DeadLetterJson::toJson));
        return find(env, uid);
    }

    private static Transformation<?> find(StreamExecutionEnvironment env, String uid) {
        Deque<Transformation<?>> todo = new ArrayDeque<>(env.getTransformations());
        Set<Integer> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Transformation<?> t = todo.pop();
            if (seen.add(t.getId())) {
                if (uid.equals(t.getUid())) {
                    return t;
                }
                todo.addAll(t.getInputs());
            }
        }
        throw new AssertionError("no operator with uid " + uid + " in the job graph");
    }

    /** The operator restored from the snapshot and opened, its timers and state as recorded. */
    @SuppressWarnings("unchecked")
    private static <IN> KeyedOneInputStreamOperatorTestHarness<String, IN, Alert> oneInput(
            Transformation<?> t, String backend, Expected expected) throws Exception {
        OneInputTransformation<IN, Alert> one = (OneInputTransformation<IN, Alert>) t;
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        one.getOperator(),
                        (KeySelector<IN, String>) one.getStateKeySelector(),
                        Types.STRING);
        if (backend.equals("rocksdb")) {
            h.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        h.initializeState(OperatorSnapshotUtil.readStateHandle(expected.snapshot()));
        h.open();
        expected.assertRestored(h, backend.equals("heap") ? h.numKeyedStateEntries() : -1);
        return h;
    }

    @SuppressWarnings("unchecked")
    private static <A, B> KeyedTwoInputStreamOperatorTestHarness<String, A, B, Alert> twoInput(
            Transformation<?> t, Expected expected) throws Exception {
        TwoInputTransformation<A, B, Alert> two = (TwoInputTransformation<A, B, Alert>) t;
        var h =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        two.getOperator(),
                        (KeySelector<A, String>) two.getStateKeySelector1(),
                        (KeySelector<B, String>) two.getStateKeySelector2(),
                        Types.STRING);
        h.initializeState(OperatorSnapshotUtil.readStateHandle(expected.snapshot()));
        h.open();
        expected.assertRestored(h, h.numKeyedStateEntries());
        return h;
    }

    /** A snapshot of 014af50's and what that build emitted after it. */
    private static final class Expected {
        final String name;
        final JsonNode doc;

        private Expected(String name, JsonNode doc) {
            this.name = name;
            this.doc = doc;
        }

        static Expected of(String name) throws Exception {
            try (var in =
                    PreviousBuildSnapshotsTest.class.getResourceAsStream(
                            SNAPSHOTS + name + ".expected.json")) {
                assertThat(in).as(name + ".expected.json").isNotNull();
                return new Expected(name, JSON.readTree(in));
            }
        }

        String snapshot() throws Exception {
            return Path.of(
                            PreviousBuildSnapshotsTest.class
                                    .getResource(SNAPSHOTS + name + ".snapshot")
                                    .toURI())
                    .toString();
        }

        /** Every timer and (on the heap) every state entry the snapshot held is back. */
        void assertRestored(AbstractStreamOperatorTestHarness<Alert> h, int keyedStateEntries)
                throws Exception {
            JsonNode at = doc.get("atSnapshot");
            assertThat(h.numEventTimeTimers())
                    .as(name + ": event-time timers")
                    .isEqualTo(at.get("eventTimeTimers").asInt());
            if (at.has("keyedStateEntries")) {
                assertThat(keyedStateEntries)
                        .as(name + ": keyed state entries")
                        .isEqualTo(at.get("keyedStateEntries").asInt());
            }
        }

        void assertEmitted(Recorder out) {
            List<String> recorded = new ArrayList<>();
            doc.get("emittedAfterRestore").forEach(n -> recorded.add(n.toString()));
            assertThat(recorded).as(name + ": what 014af50 emitted").isNotEmpty();
            assertThat(out.emitted).as(name).containsExactlyElementsOf(recorded);
        }
    }

    /**
     * What the harness emits, step by step, as the 014af50 build recorded it: each alert's id,
     * rule, severity, times and evidence, each published burst.
     */
    private static final class Recorder {
        final AbstractStreamOperatorTestHarness<Alert> h;
        final List<String> emitted = new ArrayList<>();
        int alertsSeen;
        int burstsSeen;

        Recorder(AbstractStreamOperatorTestHarness<Alert> h) {
            this.h = h;
        }

        void take(String step) {
            List<StreamRecord<? extends Alert>> alerts = h.extractOutputStreamRecords();
            for (StreamRecord<? extends Alert> r : alerts.subList(alertsSeen, alerts.size())) {
                emitted.add(alert(step, r).toString());
            }
            alertsSeen = alerts.size();
            var bursts = h.getSideOutput(ThresholdDetector.BURSTS);
            if (bursts != null) {
                List<StreamRecord<LoginBurst>> all = new ArrayList<>(bursts);
                for (StreamRecord<LoginBurst> r : all.subList(burstsSeen, all.size())) {
                    emitted.add(burst(step, r).toString());
                }
                burstsSeen = all.size();
            }
        }

        private static ObjectNode alert(String step, StreamRecord<? extends Alert> r) {
            Alert a = r.getValue();
            ObjectNode n = JSON.createObjectNode();
            n.put("step", step);
            n.put("output", "alert");
            n.put("timestamp", Instant.ofEpochMilli(r.getTimestamp()).toString());
            n.put("alertId", a.alertId);
            n.put("ruleId", a.ruleId);
            n.put("severity", a.severity.name());
            n.put("eventTime", Instant.ofEpochMilli(a.eventTime).toString());
            n.put("count", a.evidence.count);
            strings(n.putArray("eventIds"), a.evidence.eventIds);
            if (a.followUpOf != null) {
                n.put("followUpOf", a.followUpOf);
                n.put("suppressedCount", a.suppressedCount);
            }
            ArrayNode fields = n.putArray("fields");
            for (EvidenceField f : a.evidence.fields) {
                fields.add(f.name + "=" + f.value);
            }
            return n;
        }

        private static ObjectNode burst(String step, StreamRecord<LoginBurst> r) {
            LoginBurst b = r.getValue();
            ObjectNode n = JSON.createObjectNode();
            n.put("step", step);
            n.put("output", "burst");
            n.put("timestamp", Instant.ofEpochMilli(r.getTimestamp()).toString());
            n.put("alertId", b.alertId);
            n.put("account", b.account);
            n.put("openedAt", Instant.ofEpochMilli(b.openedAt).toString());
            n.put("firstFailure", Instant.ofEpochMilli(b.firstFailure).toString());
            n.put("lastFailure", Instant.ofEpochMilli(b.lastFailure).toString());
            n.put("failures", b.failures);
            strings(n.putArray("users"), b.users);
            strings(n.putArray("addresses"), b.addresses);
            strings(n.putArray("refs"), b.refs);
            return n;
        }

        private static void strings(ArrayNode array, String[] values) {
            for (String v : values) {
                array.add(v);
            }
        }
    }
}
