package io.trailwatch.detect.operators;

import static io.trailwatch.detect.windowed.Signals.at;
import static io.trailwatch.detect.windowed.Signals.series;
import static io.trailwatch.detect.windowed.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.AdminPortAttempts;
import io.trailwatch.detect.windowed.AdminPortAttemptsRule;
import io.trailwatch.detect.windowed.ConsoleLoginFailuresRule;
import io.trailwatch.detect.windowed.DeniedCalls;
import io.trailwatch.detect.windowed.DeniedCallsRule;
import io.trailwatch.detect.windowed.EgressVolume;
import io.trailwatch.detect.windowed.EgressVolumeRule;
import io.trailwatch.detect.windowed.FailedLoginsForUser;
import io.trailwatch.detect.windowed.FailedLoginsFromAddress;
import io.trailwatch.detect.windowed.HostSweep;
import io.trailwatch.detect.windowed.InstanceCredentialsOutside;
import io.trailwatch.detect.windowed.InstanceCredentialsRule;
import io.trailwatch.detect.windowed.ListThenRead;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.PortScanRule;
import io.trailwatch.detect.windowed.PortSweep;
import io.trailwatch.detect.windowed.ReadOnlySweep;
import io.trailwatch.detect.windowed.ReadOnlySweepRule;
import io.trailwatch.detect.windowed.S3Downloads;
import io.trailwatch.detect.windowed.S3DownloadsRule;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.model.Alert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every threshold detector as a Flink operator, in the keyed operator harness: its burst fires one
 * alert whatever the arrival order, its near miss fires none, its state and timers are gone once
 * the watermark has passed, and records behind the watermark are set aside as late.
 */
class ThresholdDetectorTest {
    private static final long HOUR = 3_600_000L;

    /** One detector: a burst that must alert and a near miss that must not. */
    static final class Case {
        final String name;
        final ThresholdRule rule;
        final Signal[] burst;
        final Signal[] nearMiss;

        Case(String name, ThresholdRule rule, Signal[] burst, Signal[] nearMiss) {
            this.name = name;
            this.rule = rule;
            this.burst = burst;
            this.nearMiss = nearMiss;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        String principal =
                "111122223333 arn:aws:sts::111122223333:assumed-role/r/i-0a1b2c3d4e5f67890";
        return Stream.of(
                        new Case(
                                "TW-AUTH-01 address: brute force",
                                new FailedLoginsFromAddress(
                                        ConsoleLoginFailuresRule.INFO.defaultSettings()),
                                series(
                                        "777788889999 198.51.100.23",
                                        "10:30:05",
                                        20,
                                        7,
                                        i -> "analyst-mchen"),
                                series(
                                        "777788889999 203.0.113.71",
                                        "09:20:05",
                                        30,
                                        4,
                                        i -> "analyst-rdiaz")),
                        new Case(
                                "TW-AUTH-01 user: distributed",
                                new FailedLoginsForUser(
                                        ConsoleLoginFailuresRule.INFO.defaultSettings()),
                                series(
                                        "777788889999 dba-kwong",
                                        "10:00:00",
                                        20,
                                        6,
                                        i -> "198.51.100." + i % 3),
                                series(
                                        "777788889999 dba-kwong",
                                        "10:00:00",
                                        20,
                                        4,
                                        i -> "198.51.100." + i % 3)),
                        new Case(
                                "TW-RECON-01",
                                new DeniedCalls(DeniedCallsRule.INFO.defaultSettings()),
                                with(
                                        series(
                                                principal,
                                                "10:16:20",
                                                12,
                                                14,
                                                i -> "svc:Api" + i % 13),
                                        s -> s.attribute = "AccessDenied"),
                                series(principal, "09:24:00", 20, 9, i -> "iam:GetUser")),
                        new Case(
                                "TW-RECON-02",
                                new ReadOnlySweep(ReadOnlySweepRule.INFO.defaultSettings()),
                                series(
                                        principal,
                                        "10:06:05",
                                        5,
                                        26,
                                        i -> "svc" + i % 6 + ":Api" + i),
                                series(
                                        principal,
                                        "10:06:05",
                                        5,
                                        60,
                                        i -> "svc" + i % 19 % 6 + ":Api" + i % 19)),
                        new Case(
                                "TW-CRED-01",
                                new InstanceCredentialsOutside(
                                        InstanceCredentialsRule.INFO.defaultSettings()),
                                with(
                                        series(
                                                principal + " 198.51.100.77",
                                                "10:05:12",
                                                10,
                                                30,
                                                i -> "api" + i % 7),
                                        s -> s.detail = "198.51.100.77"),
                                new Signal[0]),
                        new Case(
                                "TW-EXFIL-01 volume",
                                new S3Downloads(S3DownloadsRule.INFO.defaultSettings()),
                                with(
                                        series(
                                                principal,
                                                "10:10:27",
                                                3,
                                                134,
                                                i -> "bucket-" + i % 3),
                                        s -> s.attribute = "GetObject"),
                                with(
                                        series(
                                                principal,
                                                "10:10:27",
                                                3,
                                                99,
                                                i -> "bucket-" + i % 3),
                                        s -> s.attribute = "GetObject")),
                        new Case(
                                "TW-EXFIL-01 list then read",
                                new ListThenRead(S3DownloadsRule.INFO.defaultSettings()),
                                listThenRead(principal, 3),
                                listThenRead(principal, 2)),
                        new Case(
                                "TW-EXFIL-02",
                                new EgressVolume(EgressVolumeRule.INFO.defaultSettings()),
                                with(
                                        series(
                                                "111122223333 eni-0a1b2c3d4e5f60001 198.51.100.90",
                                                "10:41:02",
                                                60,
                                                7,
                                                i -> "10.20.3.14"),
                                        s -> s.amount = 200L << 20),
                                with(
                                        series(
                                                "111122223333 eni-0a1b2c3d4e5f60001 198.51.100.90",
                                                "10:41:02",
                                                60,
                                                4,
                                                i -> "10.20.3.14"),
                                        s -> s.amount = 200L << 20)),
                        new Case(
                                "TW-NETSCAN-01 ports",
                                new PortSweep(PortScanRule.INFO.defaultSettings()),
                                with(
                                        series(
                                                "444455556666 192.0.2.200 10.40.1.30",
                                                "10:33:02",
                                                1,
                                                40,
                                                i -> Integer.toString(20 + i)),
                                        ThresholdDetectorTest::rejectedFromInternet),
                                with(
                                        series(
                                                "444455556666 192.0.2.200 10.40.1.30",
                                                "10:33:02",
                                                1,
                                                24,
                                                i -> Integer.toString(20 + i)),
                                        ThresholdDetectorTest::rejectedFromInternet)),
                        new Case(
                                "TW-NETSCAN-01 hosts",
                                new HostSweep(PortScanRule.INFO.defaultSettings()),
                                with(
                                        series(
                                                "444455556666 192.0.2.9 22",
                                                "10:33:02",
                                                1,
                                                30,
                                                i -> "10.40.1." + i),
                                        ThresholdDetectorTest::rejectedFromInternet),
                                with(
                                        series(
                                                "444455556666 192.0.2.9 22",
                                                "10:33:02",
                                                3,
                                                30,
                                                i -> "10.40.1." + i),
                                        ThresholdDetectorTest::rejectedFromInternet)),
                        new Case(
                                "TW-NETSCAN-02",
                                new AdminPortAttempts(AdminPortAttemptsRule.INFO.defaultSettings()),
                                with(
                                        series(
                                                "444455556666 192.0.2.44 10.40.1.25 22",
                                                "10:26:03",
                                                5,
                                                40,
                                                i -> Integer.toString(50000 + i)),
                                        s -> s.attribute = "ACCEPT"),
                                with(
                                        series(
                                                "444455556666 198.51.100.201 10.40.1.25 22",
                                                "10:27:00",
                                                20,
                                                29,
                                                i -> Integer.toString(50000 + i)),
                                        s -> s.attribute = "ACCEPT")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBurstAlertsOnceWhateverTheArrivalOrder(Case c) throws Exception {
        List<Signal> sorted = new ArrayList<>(Arrays.asList(c.burst));
        List<Signal> reversed = new ArrayList<>(sorted);
        Collections.reverse(reversed);
        List<Signal> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(42));

        List<Alert> a = run(c.rule, sorted);
        List<Alert> b = run(c.rule, reversed);
        List<Alert> d = run(c.rule, shuffled);

        assertThat(a).hasSize(1);
        assertThat(a.get(0).ruleId).isEqualTo(c.rule.info().id());
        assertThat(a.get(0).eventTime).isEqualTo(c.burst[0].time);
        assertThat(a.get(0).evidence.eventIds).isNotEmpty().contains(c.burst[0].ref);
        for (List<Alert> other : List.of(b, d)) {
            assertThat(other).hasSize(1);
            assertThat(other.get(0).alertId).isEqualTo(a.get(0).alertId);
            assertThat(other.get(0).evidence.count).isEqualTo(a.get(0).evidence.count);
            assertThat(other.get(0).evidence.eventIds).containsExactly(a.get(0).evidence.eventIds);
            assertThat(other.get(0).evidence.fields).containsExactly(a.get(0).evidence.fields);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theOutcomeIsTheSameWhateverWatermarksComeInBetween(Case c) throws Exception {
        // the burst, the near miss and the burst again after a quiet spell: incidents open, report,
        // end and open again while the watermark moves on in steps of every size
        long later = c.rule.maxIncidentMillis() + 3 * c.rule.windowMillis();
        List<Signal> all = new ArrayList<>();
        for (Signal s : concat(c.burst, c.nearMiss)) {
            all.add(copy(s));
        }
        for (Signal s : c.burst) {
            Signal again = copy(s);
            again.time += later;
            again.ref += "-again";
            all.add(again);
        }

        List<String> expected = outcome(c.rule, all, null);
        assertThat(expected).filteredOn(line -> line.startsWith("alert")).hasSize(2);
        for (int seed = 0; seed < 25; seed++) {
            assertThat(outcome(c.rule, all, new Random(seed)))
                    .as("seed %d", seed)
                    .isEqualTo(expected);
        }
    }

    /**
     * What the detector emits, alerts and bursts, with their timestamps. Without {@code random} the
     * signals come sorted and the watermark once at the end; with it, up to a minute out of order
     * and the watermark a minute behind after a random third of them.
     */
    private static List<String> outcome(ThresholdRule rule, List<Signal> signals, Random random)
            throws Exception {
        long disorder = 60_000;
        List<long[]> arrival = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            long jitter = random == null ? 0 : random.nextInt((int) disorder);
            arrival.add(new long[] {signals.get(i).time + jitter, i});
        }
        arrival.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        List<String> out = new ArrayList<>();
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h = harness(rule)) {
            long watermark = Long.MIN_VALUE;
            for (long[] a : arrival) {
                Signal s = signals.get((int) a[1]);
                h.processElement(copy(s), s.time);
                if (random != null && random.nextInt(3) == 0 && a[0] - disorder - 1 > watermark) {
                    watermark = a[0] - disorder - 1;
                    h.processWatermark(watermark);
                }
            }
            h.processWatermark(Long.MAX_VALUE);
            for (Object o : h.getOutput()) {
                if (o instanceof StreamRecord) {
                    StreamRecord<?> r = (StreamRecord<?>) o;
                    Alert alert = (Alert) r.getValue();
                    out.add(
                            "alert "
                                    + r.getTimestamp()
                                    + " "
                                    + alert.alertId
                                    + " "
                                    + alert.evidence.count
                                    + " "
                                    + alert.evidence.lastSeen
                                    + " "
                                    + String.join(",", alert.evidence.eventIds)
                                    + " "
                                    + Arrays.stream(alert.evidence.fields)
                                            .map(f -> f.name + "=" + f.value)
                                            .collect(Collectors.joining(",")));
                }
            }
            if (h.getSideOutput(ThresholdDetector.BURSTS) != null) {
                for (StreamRecord<LoginBurst> r : h.getSideOutput(ThresholdDetector.BURSTS)) {
                    LoginBurst b = r.getValue();
                    out.add(
                            "burst "
                                    + r.getTimestamp()
                                    + " "
                                    + b.alertId
                                    + " "
                                    + b.failures
                                    + " "
                                    + b.lastFailure);
                }
            }
            assertThat(h.getSideOutput(ThresholdDetector.LATE)).isNull();
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aDetectorRestoredFromASnapshotHandsOverTheSignalsItWasHolding(Case c) throws Exception {
        List<Signal> burst = Arrays.asList(c.burst);
        Alert undisturbed = run(c.rule, burst).get(0);

        for (boolean rocksDb : new boolean[] {false, true}) {
            int half = burst.size() / 2;
            List<Alert> alerts = new ArrayList<>();
            OperatorSubtaskState snapshot;
            try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h =
                    unopened(c.rule, rocksDb)) {
                h.open();
                for (Signal s : burst.subList(0, half)) {
                    h.processElement(copy(s), s.time);
                }
                // the first quarter handed over, the second held back
                h.processWatermark(burst.get(half / 2).time + c.rule.latenessMillis() - 1);
                snapshot = h.snapshot(1L, 1L);
                alerts.addAll(h.extractOutputValues());
            }
            try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h =
                    unopened(c.rule, rocksDb)) {
                h.initializeState(snapshot);
                h.open();
                for (Signal s : burst.subList(half, burst.size())) {
                    h.processElement(copy(s), s.time);
                }
                h.processWatermark(Long.MAX_VALUE);
                alerts.addAll(h.extractOutputValues());
            }

            String backend = rocksDb ? "RocksDB" : "heap";
            assertThat(alerts).as(backend).hasSize(1);
            assertThat(alerts.get(0).alertId).as(backend).isEqualTo(undisturbed.alertId);
            assertThat(alerts.get(0).evidence.count)
                    .as(backend)
                    .isEqualTo(undisturbed.evidence.count);
            assertThat(alerts.get(0).evidence.eventIds)
                    .as(backend)
                    .isEqualTo(undisturbed.evidence.eventIds);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> unopened(
            ThresholdRule rule, boolean rocksDb) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new ThresholdDetector(rule), s -> s.key, Types.STRING);
        if (rocksDb) {
            h.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        return h;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theNearMissDoesNotAlert(Case c) throws Exception {
        assertThat(run(c.rule, Arrays.asList(c.nearMiss))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stateAndTimersAreGoneOnceTheWatermarkHasPassed(Case c) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h = harness(c.rule)) {
            long last = Long.MIN_VALUE;
            for (Signal s : concat(c.burst, c.nearMiss)) {
                h.processElement(s, s.time);
                last = Math.max(last, s.time);
            }
            // held back: in keyed state, with no timer of their own
            assertThat(h.numKeyedStateEntries()).isPositive();
            assertThat(h.numEventTimeTimers()).isZero();

            h.processWatermark(last + c.rule.latenessMillis());
            assertThat(h.numKeyedStateEntries()).isPositive();
            assertThat(h.numEventTimeTimers()).isPositive();

            h.processWatermark(last + c.rule.maxIncidentMillis() + 2 * c.rule.windowMillis());

            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aSignalOneMillisecondAfterItsIncidentEndedIsNotPartOfIt() throws Exception {
        ThresholdRule rule = new DeniedCalls(DeniedCallsRule.INFO.defaultSettings());
        // ten denied calls open an incident at 10:01:30; its report and its end (5 minutes quiet)
        // both fall at 10:06:30, one millisecond before the next call
        List<Signal> calls =
                new ArrayList<>(Arrays.asList(series("k p", "10:00:00", 10, 10, i -> "a" + i)));
        Signal next = signal("k p", "10:06:30", "ref-next").value("b");
        next.time += 1;
        calls.add(next);

        List<Signal> nextFirst = new ArrayList<>(calls);
        Collections.reverse(nextFirst);

        for (List<Signal> arrival : List.of(calls, nextFirst)) {
            List<Alert> alerts = run(rule, arrival);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).evidence.count).isEqualTo(10);
            assertThat(alerts.get(0).evidence.eventIds).doesNotContain("ref-next");
        }
    }

    @Test
    void aKeyHoldsOneExpiryTimerHoweverOftenItsSignalsMoveTheExpiryOn() throws Exception {
        ThresholdRule rule = new ReadOnlySweep(ReadOnlySweepRule.INFO.defaultSettings());
        // one API every 10 s for 20 minutes: never a sweep, and each call moves the expiry on
        Signal[] calls = series("k p", "10:00:00", 10, 120, i -> "ec2:DescribeInstances");
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h = harness(rule)) {
            for (Signal s : calls) {
                h.processElement(s, s.time);
                h.processWatermark(s.time + rule.latenessMillis());
            }

            // the 5-minute window's expiry, not one timer for each of its last 30 calls
            assertThat(h.numEventTimeTimers()).isEqualTo(1);
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.numEventTimeTimers()).isZero();
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recordsBehindTheWatermarkAreSetAsideAsLate(Case c) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h = harness(c.rule)) {
            h.processWatermark(c.burst[c.burst.length - 1].time);
            for (Signal s : c.burst) {
                h.processElement(s, s.time);
            }
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(ThresholdDetector.LATE)).hasSize(c.burst.length);
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onRocksDbTheBurstAlertsTheSameAndTheStateIsGoneAfterwards(Case c) throws Exception {
        List<Alert> onHeap = run(c.rule, Arrays.asList(c.burst));
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h =
                unopened(c.rule, true)) {
            h.open();
            List<Signal> shuffled = new ArrayList<>(Arrays.asList(c.burst));
            Collections.shuffle(shuffled, new Random(7));
            long last = Long.MIN_VALUE;
            for (Signal s : shuffled) {
                h.processElement(copy(s), s.time);
                last = Math.max(last, s.time);
            }
            h.processWatermark(last + c.rule.maxIncidentMillis() + 2 * c.rule.windowMillis());

            assertThat(h.extractOutputValues())
                    .extracting(a -> a.alertId)
                    .containsExactly(onHeap.get(0).alertId);
            for (String state : new String[] {"burst", "pending-by-due"}) {
                try (Stream<?> keys =
                        h.getOperator().getKeyedStateBackend().getKeysAndNamespaces(state)) {
                    assertThat(keys).as(state).isEmpty();
                }
            }
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aBusyKeyWithThousandsOfRecordsInOneSecondIsHeldAndHandedOverInOrder() throws Exception {
        ThresholdRule rule = new S3Downloads(S3DownloadsRule.INFO.defaultSettings());
        List<Signal> same = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Signal s = signal("k p", "10:10:27", String.format("ref-%06d", i));
            s.value = "bucket-" + i % 7;
            s.attribute = "GetObject";
            s.amount = 10;
            same.add(s);
        }
        Collections.shuffle(same, new Random(3));

        List<Alert> alerts = run(rule, same);

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).evidence.count).isEqualTo(20_000);
        assertThat(alerts.get(0).evidence.eventIds)
                .containsExactly(
                        "ref-000000",
                        "ref-000001",
                        "ref-000002",
                        "ref-000003",
                        "ref-000004",
                        "ref-000005",
                        "ref-000006",
                        "ref-000007",
                        "ref-000008",
                        "ref-000009");
    }

    @Test
    void theAlertWaitsForTheReportDelayAndCoversTheRestOfTheBurst() throws Exception {
        ThresholdRule rule = new DeniedCalls(DeniedCallsRule.INFO.defaultSettings());
        Signal[] burst = series("k p", "10:16:20", 12, 14, i -> "a" + i);
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h = harness(rule)) {
            for (Signal s : burst) {
                h.processElement(s, s.time);
            }
            // the tenth denial at 10:18:08 reaches the threshold; the report is due at 10:23:08
            h.processWatermark(at("10:23:07"));
            assertThat(h.extractOutputValues()).isEmpty();
            h.processWatermark(at("10:23:08"));
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(h.extractOutputValues().get(0).evidence.count).isEqualTo(14);
        }
    }

    @Test
    void aRuleWithExtraLatenessStillCountsRecordsBehindTheWatermark() throws Exception {
        WindowedRuleSettings settings = DeniedCallsRule.INFO.defaultSettings();
        settings.lateness = java.time.Duration.ofMinutes(10);
        ThresholdRule rule = new DeniedCalls(settings);
        Signal[] burst = series("k p", "10:16:20", 12, 14, i -> "a" + i);
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h = harness(rule)) {
            h.processWatermark(at("10:20:00"));
            for (Signal s : burst) {
                h.processElement(s, s.time);
            }
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.getSideOutput(ThresholdDetector.LATE)).isNull();
            assertThat(h.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void aBurstThatGoesOnAfterItsAlertAlertsOnceAndIsRepublishedWhenItEnds() throws Exception {
        ThresholdRule rule =
                new FailedLoginsFromAddress(ConsoleLoginFailuresRule.INFO.defaultSettings());
        // 30 failures, one every 20 s: reported 5 minutes after the fifth, still going on then
        Signal[] burst = series("777788889999 198.51.100.23", "10:00:00", 20, 30, i -> "u" + i % 2);
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h = harness(rule)) {
            for (Signal s : burst) {
                h.processElement(s, s.time);
            }
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.extractOutputValues()).hasSize(1);
            List<LoginBurst> published =
                    h.getSideOutput(ThresholdDetector.BURSTS).stream()
                            .map(StreamRecord::getValue)
                            .collect(Collectors.toList());
            assertThat(published).hasSize(2);
            assertThat(published.get(0).alertId).isEqualTo(published.get(1).alertId);
            assertThat(published.get(1).lastFailure).isEqualTo(at("10:09:40"));
        }
    }

    @Test
    void theSameKeyAlertsAgainForABurstAfterAQuietWindow() throws Exception {
        ThresholdRule rule = new DeniedCalls(DeniedCallsRule.INFO.defaultSettings());
        List<Signal> two =
                new ArrayList<>(Arrays.asList(series("k p", "10:00:00", 5, 12, i -> "a")));
        two.addAll(Arrays.asList(series("k p", "10:30:00", 5, 12, i -> "a")));
        // references must differ between the bursts
        for (int i = 12; i < two.size(); i++) {
            two.get(i).ref = "second-" + i;
        }
        List<Alert> alerts = run(rule, two);

        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).alertId).isNotEqualTo(alerts.get(1).alertId);
    }

    private static List<Alert> run(ThresholdRule rule, List<Signal> signals) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h = harness(rule)) {
            for (Signal s : signals) {
                h.processElement(copy(s), s.time);
            }
            h.processWatermark(Long.MAX_VALUE);
            return h.extractOutputValues();
        }
    }

    static KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> harness(ThresholdRule rule)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h = unopened(rule, false);
        h.open();
        return h;
    }

    private static Signal copy(Signal s) {
        Signal c =
                new Signal(s.key, s.time, s.ref)
                        .value(s.value)
                        .attribute(s.attribute)
                        .detail(s.detail)
                        .amount(s.amount);
        return c.context(s.account, s.region, s.principal, s.resource, s.owner);
    }

    private static Signal[] with(Signal[] signals, Consumer<Signal> change) {
        for (Signal s : signals) {
            change.accept(s);
        }
        return signals;
    }

    private static void rejectedFromInternet(Signal s) {
        s.attribute = "REJECT";
        s.detail = "internet";
    }

    private static Signal[] listThenRead(String key, int buckets) {
        List<Signal> out = new ArrayList<>();
        out.add(signal(key, "10:06:05", "list").attribute("ListBuckets"));
        for (int b = 0; b < buckets; b++) {
            for (Signal s : series(key, "10:1" + b + ":00", 2, 5, i -> null)) {
                s.ref = "read-" + b + "-" + s.ref;
                s.value = "bucket-" + (char) ('a' + b);
                s.attribute = "GetObject";
                s.amount = 1000;
                out.add(s);
            }
        }
        return out.toArray(new Signal[0]);
    }

    private static List<Signal> concat(Signal[] a, Signal[] b) {
        List<Signal> out = new ArrayList<>(Arrays.asList(a));
        out.addAll(Arrays.asList(b));
        return out;
    }
}
