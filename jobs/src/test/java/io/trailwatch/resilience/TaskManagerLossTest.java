package io.trailwatch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.generate.LogGenerator;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnershipTableParser;
import io.trailwatch.testing.TestClusters;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpointed job that loses a whole TaskManager mid-stream (every task on it gone at once, as
 * when a host dies) restarts on a new one from its last checkpoint and produces exactly the alert
 * ids of an undisturbed run.
 */
class TaskManagerLossTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.withTaskManagers(2, 1);

    static final AtomicLong SEEN = new AtomicLong();
    static final AtomicBoolean LOST = new AtomicBoolean();
    static volatile CountDownLatch halfWay;

    @TempDir Path dir;

    @Test
    void aLostTaskManagerChangesNoAlertIds(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        Path gen = dir.resolve("gen");
        new LogGenerator(gen, 60_000, 23).generate();
        List<Path> inputs = List.of(gen.resolve("logs"), Path.of("..", "sample-logs", "logs"));
        OwnershipTable table = OwnershipTableParser.parse(gen.resolve("ownership.csv"));

        LOST.set(true); // no slowing down: an undisturbed run
        Set<String> undisturbed =
                run(inputs, table, Long.MAX_VALUE)
                        .getJobExecutionResult()
                        .thenApply(r -> Set.copyOf(CheckpointedReplay.IDS))
                        .get(5, TimeUnit.MINUTES);
        long rawRecords = SEEN.get();

        LOST.set(false);
        halfWay = new CountDownLatch(1);
        JobClient job = run(inputs, table, rawRecords / 2);
        assertThat(halfWay.await(2, TimeUnit.MINUTES)).isTrue();
        // let a few checkpoints complete while the job crawls on, then lose a TaskManager
        Thread.sleep(1500);
        LOST.set(true);
        cluster.terminateTaskManager(0).get(1, TimeUnit.MINUTES);
        cluster.startTaskManager();
        job.getJobExecutionResult().get(5, TimeUnit.MINUTES);

        // the job restarted on the new TaskManager from a checkpoint, not from scratch
        assertThat(
                        cluster.getArchivedExecutionGraph(job.getJobID())
                                .get(1, TimeUnit.MINUTES)
                                .getCheckpointStatsSnapshot()
                                .getLatestRestoredCheckpoint())
                .isNotNull();
        assertThat(rawRecords).isGreaterThan(20);
        assertThat(undisturbed).isNotEmpty();
        assertThat(Set.copyOf(CheckpointedReplay.IDS)).isEqualTo(undisturbed);
    }

    private static JobClient run(List<Path> inputs, OwnershipTable table, long slowFrom)
            throws Exception {
        SEEN.set(0);
        return CheckpointedReplay.start(
                inputs, table, new SlowFrom(slowFrom), null, "slow from half-way");
    }

    /**
     * From a number of raw records on, passes each one slowly until the TaskManager is lost, so
     * that the loss lands mid-stream with checkpoints behind it.
     */
    static final class SlowFrom implements MapFunction<RawRecord, RawRecord> {
        private final long from;

        SlowFrom(long from) {
            this.from = from;
        }

        @Override
        public RawRecord map(RawRecord r) throws InterruptedException {
            if (SEEN.incrementAndGet() >= from && !LOST.get()) {
                halfWay.countDown();
                Thread.sleep(20);
            }
            return r;
        }
    }
}
