package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {
    private static final String CLUSTER_GONE =
            "MiniCluster is not yet running or has already been shut down.";

    @Test
    void aJobThatEndsWhileItsProgressIsAskedForStillGivesItsResult() throws Exception {
        // the job ends a moment after the progress loop first asks, and its embedded cluster
        // is gone by the time the question arrives
        assertResultReached(false);
    }

    @Test
    void aJobWhoseClusterIsAlreadyGoneWhenProgressIsAskedForStillGivesItsResult() throws Exception {
        // what Flink's embedded cluster does once shut down: it refuses the question at once
        // instead of failing its answer (seen twice in some 25 replays of 12M records)
        assertResultReached(true);
    }

    private static void assertResultReached(boolean refusesAtOnce) throws Exception {
        JobExecutionResult finished = new JobExecutionResult(new JobID(), 4000, Map.of());
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        JobExecutionResult got =
                ReplayJob.awaitWithProgress(
                        new EndingJob(finished, refusesAtOnce),
                        new PrintStream(progress, true, StandardCharsets.UTF_8),
                        System.nanoTime(),
                        new SteadyRate());

        assertThat(got).isSameAs(finished);
    }

    /**
     * A job client whose job ends a moment after its progress is first asked for, its cluster
     * already gone for that question; it cannot do anything else.
     */
    private static final class EndingJob implements JobClient {
        private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        private final JobExecutionResult finished;
        private final boolean refusesAtOnce;

        EndingJob(JobExecutionResult finished, boolean refusesAtOnce) {
            this.finished = finished;
            this.refusesAtOnce = refusesAtOnce;
        }

        @Override
        public CompletableFuture<Map<String, Object>> getAccumulators() {
            result.completeAsync(
                    () -> finished, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            IllegalStateException gone = new IllegalStateException(CLUSTER_GONE);
            if (refusesAtOnce) {
                throw gone;
            }
            return CompletableFuture.failedFuture(gone);
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }

        @Override
        public JobID getJobID() {
            return new JobID();
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.completedFuture(JobStatus.RUNNING);
        }

        @Override
        public CompletableFuture<Void> cancel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(
                boolean advanceToEndOfEventTime, String dir, SavepointFormatType format) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String dir, SavepointFormatType format) {
            throw new UnsupportedOperationException();
        }
    }
}
