package io.trailwatch.detect.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.AdminPortAttempts;
import io.trailwatch.detect.windowed.AdminPortAttemptsRule;
import io.trailwatch.detect.windowed.ConsoleLoginFailuresRule;
import io.trailwatch.detect.windowed.DeniedCalls;
import io.trailwatch.detect.windowed.DeniedCallsRule;
import io.trailwatch.detect.windowed.EgressVolume;
import io.trailwatch.detect.windowed.EgressVolumeRule;
import io.trailwatch.detect.windowed.FailedLoginsFromAddress;
import io.trailwatch.detect.windowed.InstanceCredentialsOutside;
import io.trailwatch.detect.windowed.InstanceCredentialsRule;
import io.trailwatch.detect.windowed.PortScanRule;
import io.trailwatch.detect.windowed.PortSweep;
import io.trailwatch.detect.windowed.ReadOnlySweep;
import io.trailwatch.detect.windowed.ReadOnlySweepRule;
import io.trailwatch.detect.windowed.S3Downloads;
import io.trailwatch.detect.windowed.S3DownloadsRule;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Owner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * State stays bounded with millions of keys: each detector, on the heap state backend, gets signals
 * from {@code trailwatch.bench.keys} distinct principals or addresses (one million for the
 * benchmark, {@value #DEFAULT_KEYS} in the regular build) spread over two hours of event time, with
 * the watermark 15 minutes behind as on a live stream. The keyed state holds only the keys of the
 * last minutes while the stream runs, and once the watermark has passed the last signal by the
 * rule's window every entry and timer is gone and the heap is back near where it started.
 *
 * <p>Run the benchmark with {@code mvn -o test -Dtest=StateBoundednessTest
 * -Dtrailwatch.bench.keys=1000000}.
 */
class StateBoundednessTest {
    static final int DEFAULT_KEYS = 100_000;
    private static final int KEYS = Integer.getInteger("trailwatch.bench.keys", DEFAULT_KEYS);
    private static final long SPAN = Duration.ofHours(2).toMillis();
    private static final long LATENESS = Duration.ofMinutes(15).toMillis();
    private static final long T0 = Instant.parse("2026-10-14T08:00:00Z").toEpochMilli();
    private static final Owner OWNER =
            new Owner("payments", "prod", "#payments", new String[0], "111122223333", null);

    /**
     * A detector, the signal of the i-th distinct principal or address, and whether each key alerts
     * (TW-CRED-01 alerts on first use: its incidents are what it keeps).
     */
    static Stream<Arguments> detectors() {
        return Stream.of(
                Arguments.of(
                        new ReadOnlySweep(ReadOnlySweepRule.INFO.defaultSettings()),
                        (IntFunction<Signal>) i -> principal(i).value("ec2:DescribeInstances"),
                        false),
                Arguments.of(
                        new DeniedCalls(DeniedCallsRule.INFO.defaultSettings()),
                        (IntFunction<Signal>)
                                i -> principal(i).value("iam:ListUsers").attribute("AccessDenied"),
                        false),
                Arguments.of(
                        new S3Downloads(S3DownloadsRule.INFO.defaultSettings()),
                        (IntFunction<Signal>)
                                i ->
                                        principal(i)
                                                .value("acme-exports")
                                                .attribute("GetObject")
                                                .amount(4096),
                        false),
                Arguments.of(
                        new InstanceCredentialsOutside(
                                InstanceCredentialsRule.INFO.defaultSettings()),
                        (IntFunction<Signal>)
                                i -> {
                                    Signal s = principal(i).value("sts:GetCallerIdentity");
                                    s.key = s.key + " 198.51.100.77";
                                    s.detail = "198.51.100.77";
                                    return s;
                                },
                        true),
                Arguments.of(
                        new FailedLoginsFromAddress(
                                ConsoleLoginFailuresRule.INFO.defaultSettings()),
                        (IntFunction<Signal>)
                                i -> address("777788889999 ", i).value("analyst-" + i % 50),
                        false),
                Arguments.of(
                        new PortSweep(PortScanRule.INFO.defaultSettings()),
                        (IntFunction<Signal>)
                                i ->
                                        address("444455556666 ", i)
                                                .value("22")
                                                .attribute("REJECT")
                                                .detail("internet"),
                        false),
                Arguments.of(
                        new AdminPortAttempts(AdminPortAttemptsRule.INFO.defaultSettings()),
                        (IntFunction<Signal>)
                                i -> address("444455556666 ", i).value("50000").attribute("REJECT"),
                        false),
                Arguments.of(
                        new EgressVolume(EgressVolumeRule.INFO.defaultSettings()),
                        (IntFunction<Signal>)
                                i -> address("111122223333 eni-0a1b2c3d4e5f60001 ", i).amount(4096),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectors")
    void stateReturnsToItsStartingLevelOnceTheWatermarkHasPassed(
            ThresholdRule rule, IntFunction<Signal> signalOf, boolean everyKeyAlerts)
            throws Exception {
        String name = rule.name();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> h =
                ThresholdDetectorTest.harness(rule)) {
            h.processWatermark(T0 - LATENESS);
            long heapStart = usedHeap(memory);
            int peakEntries = 0;
            int peakTimers = 0;
            long peakHeap = 0;
            long started = System.nanoTime();
            long last = T0;
            long alerts = 0;
            for (int i = 0; i < KEYS; i++) {
                Signal s = signalOf.apply(i);
                s.time = T0 + i * SPAN / KEYS;
                last = s.time;
                h.processElement(s, s.time);
                if (i % 1000 == 999) {
                    h.processWatermark(last - LATENESS);
                    alerts += h.extractOutputValues().size();
                    h.getOutput().clear();
                }
                if (i % (KEYS / 4) == KEYS / 4 - 1) {
                    peakEntries = Math.max(peakEntries, h.numKeyedStateEntries());
                    peakTimers = Math.max(peakTimers, h.numEventTimeTimers());
                    peakHeap = Math.max(peakHeap, usedHeap(memory));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // the stream goes on: event time passes the last signal by the rule's window
            h.processWatermark(last + rule.windowMillis() + rule.latenessMillis() + 1);
            alerts += h.extractOutputValues().size();
            h.getOutput().clear();
            int entriesAfter = h.numKeyedStateEntries();
            int timersAfter = h.numEventTimeTimers();
            long heapAfter = usedHeap(memory);

            System.out.printf(
                    Locale.ROOT,
                    "%-20s %,d keys in %.1f s (%,.0f/s): state entries peak %,d -> after %,d;"
                            + " timers peak %,d -> after %,d; heap start %.1f MB, peak %.1f MB,"
                            + " after %.1f MB%n",
                    name,
                    KEYS,
                    seconds,
                    KEYS / seconds,
                    peakEntries,
                    entriesAfter,
                    peakTimers,
                    timersAfter,
                    heapStart / 1e6,
                    peakHeap / 1e6,
                    heapAfter / 1e6);

            assertThat(alerts).isEqualTo(everyKeyAlerts ? KEYS : 0);
            assertThat(entriesAfter).isZero();
            assertThat(timersAfter).isZero();
            // live state covers the lateness plus the window, not the whole input
            assertThat(peakEntries).isLessThan(KEYS);
            assertThat(heapAfter).isLessThan(heapStart + 32_000_000L);
        }
    }

    private static Signal principal(int i) {
        String arn = "arn:aws:sts::111122223333:assumed-role/app/session-" + i;
        return new Signal("111122223333 " + arn, 0L, "e-" + i)
                .context("111122223333", "eu-west-1", arn, arn, OWNER);
    }

    private static Signal address(String keyPrefix, int i) {
        String a = "198." + (18 + (i >> 16 & 1)) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
        String ip = i < (1 << 17) ? a : "2001:db8::" + Integer.toHexString(i);
        return new Signal(keyPrefix + ip, 0L, "flow-" + i)
                .context(keyPrefix.substring(0, 12), "eu-west-1", ip, ip, OWNER);
    }

    private static long usedHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
