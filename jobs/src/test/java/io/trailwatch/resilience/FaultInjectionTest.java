package io.trailwatch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.generate.LogGenerator;
import io.trailwatch.model.Alert;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnershipTableParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpointed job whose operator fails once mid-stream restarts from its last checkpoint and
 * produces exactly the alert ids of an undisturbed run: nothing lost, and repeats (the sink is
 * at-least-once) carry the same ids.
 */
class FaultInjectionTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong SEEN = new AtomicLong();

    @TempDir Path dir;

    @Test
    void failureMidStreamChangesNoAlertIds() throws Exception {
        Path gen = dir.resolve("gen");
        new LogGenerator(gen, 60_000, 21).generate();
        List<Path> inputs = List.of(gen.resolve("logs"), Path.of("..", "sample-logs", "logs"));
        OwnershipTable table = OwnershipTableParser.parse(gen.resolve("ownership.csv"));

        Set<String> undisturbed = run(inputs, table, Long.MAX_VALUE);
        long rawRecords = SEEN.get();
        // half-way through the raw records (whole documents and runs of lines)
        Set<String> recovered = run(inputs, table, rawRecords / 2);

        assertThat(rawRecords).isGreaterThan(20);

        assertThat(FAILED).isTrue();
        assertThat(undisturbed).isNotEmpty();
        assertThat(recovered).isEqualTo(undisturbed);
    }

    /** A failure on the alerts, after the analysis, likewise: the whole job restarts. */
    @Test
    void failureOnTheAlertsChangesNoAlertIds() throws Exception {
        Path gen = dir.resolve("gen");
        new LogGenerator(gen, 60_000, 21).generate();
        List<Path> inputs = List.of(gen.resolve("logs"), Path.of("..", "sample-logs", "logs"));
        OwnershipTable table = OwnershipTableParser.parse(gen.resolve("ownership.csv"));

        FAILED.set(false);
        SEEN.set(0);
        Set<String> undisturbed =
                CheckpointedReplay.run(
                        inputs, table, null, new FailOnceOnAlerts(Long.MAX_VALUE), "alerts");
        long alerts = SEEN.get();
        FAILED.set(false);
        SEEN.set(0);
        Set<String> recovered =
                CheckpointedReplay.run(
                        inputs, table, null, new FailOnceOnAlerts(alerts / 2), "fail once");

        assertThat(alerts).isGreaterThan(10);
        assertThat(FAILED).isTrue();
        assertThat(undisturbed).isNotEmpty();
        assertThat(recovered).isEqualTo(undisturbed);
    }

    private static Set<String> run(List<Path> inputs, OwnershipTable table, long failAt)
            throws Exception {
        FAILED.set(false);
        SEEN.set(0);
        return CheckpointedReplay.run(inputs, table, new FailOnce(failAt), null, "fail once");
    }

    /** Throws once, after a number of alerts across all its parallel instances. */
    static final class FailOnceOnAlerts implements MapFunction<Alert, Alert> {
        private final long failAt;

        FailOnceOnAlerts(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public Alert map(Alert a) {
            if (SEEN.incrementAndGet() >= failAt && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure after " + failAt + " alerts");
            }
            return a;
        }
    }

    /** Throws once, after it has seen a number of records across all its parallel instances. */
    static final class FailOnce implements MapFunction<RawRecord, RawRecord> {
        private final long failAt;

        FailOnce(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public RawRecord map(RawRecord r) {
            if (SEEN.incrementAndGet() >= failAt && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure after " + failAt + " records");
            }
            return r;
        }
    }
}
