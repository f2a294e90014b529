package io.trailwatch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.generate.LogGenerator;
import io.trailwatch.model.Alert;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnershipTableParser;
import io.trailwatch.testing.TestClusters;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpointed job whose operator fails once mid-stream restarts from its last checkpoint and
 * produces exactly the alert ids of an undisturbed run: nothing lost, and repeats (the sink is
 * at-least-once) carry the same ids.
 */
class FaultInjectionTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(2);

    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong SEEN = new AtomicLong();

    @TempDir Path dir;

    private List<Path> inputs;
    private OwnershipTable table;

    @BeforeEach
    void generateInput() throws Exception {
        Path gen = dir.resolve("gen");
        new LogGenerator(gen, 60_000, 21).generate();
        inputs = List.of(gen.resolve("logs"), Path.of("..", "sample-logs", "logs"));
        table = OwnershipTableParser.parse(gen.resolve("ownership.csv"));
    }

    @Test
    void failureMidStreamChangesNoAlertIds() throws Exception {
        Set<String> undisturbed = run(new FailOnce<>(Long.MAX_VALUE), null);
        long rawRecords = SEEN.get();
        // half-way through the raw records (whole documents and runs of lines)
        Set<String> recovered = run(new FailOnce<>(rawRecords / 2), null);

        assertThat(rawRecords).isGreaterThan(20);
        assertThat(FAILED).isTrue();
        assertThat(undisturbed).isNotEmpty();
        assertThat(recovered).isEqualTo(undisturbed);
    }

    /** A failure on the alerts, after the analysis, likewise: the whole job restarts. */
    @Test
    void failureOnTheAlertsChangesNoAlertIds() throws Exception {
        Set<String> undisturbed = run(null, new FailOnce<>(Long.MAX_VALUE));
        long alerts = SEEN.get();
        Set<String> recovered = run(null, new FailOnce<>(alerts / 2));

        assertThat(alerts).isGreaterThan(10);
        assertThat(FAILED).isTrue();
        assertThat(undisturbed).isNotEmpty();
        assertThat(recovered).isEqualTo(undisturbed);
    }

    private Set<String> run(FailOnce<RawRecord> onRecords, FailOnce<Alert> onAlerts)
            throws Exception {
        FAILED.set(false);
        SEEN.set(0);
        return CheckpointedReplay.run(inputs, table, onRecords, onAlerts, "fail once");
    }

    /** Throws once, after it has seen a number of elements across all its parallel instances. */
    static final class FailOnce<T> implements MapFunction<T, T> {
        private final long failAt;

        FailOnce(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public T map(T element) {
            if (SEEN.incrementAndGet() >= failAt && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure after " + failAt + " elements");
            }
            return element;
        }
    }
}
