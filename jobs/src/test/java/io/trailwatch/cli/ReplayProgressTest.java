package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
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
        assertResultReached(
                (result, finished) ->
                        new EndingJob(result) {
                            @Override
                            public CompletableFuture<Map<String, Object>> getAccumulators() {
                                endSoon(result, finished);
                                return CompletableFuture.failedFuture(
                                        new IllegalStateException(CLUSTER_GONE));
                            }
                        });
    }

    @Test
    void aJobWhoseClusterIsAlreadyGoneWhenProgressIsAskedForStillGivesItsResult() throws Exception {
        // what Flink's embedded cluster does once shut down: it refuses the question at once
        // instead of failing its answer (seen twice in some 25 replays of 12M records)
        assertResultReached(
                (result, finished) ->
                        new EndingJob(result) {
                            @Override
                            public CompletableFuture<Map<String, Object>> getAccumulators() {
                                endSoon(result, finished);
                                throw new IllegalStateException(CLUSTER_GONE);
                            }
                        });
    }

    private static void assertResultReached(
            BiFunction<CompletableFuture<JobExecutionResult>, JobExecutionResult, JobClient> client)
            throws Exception {
        JobExecutionResult finished = new JobExecutionResult(new JobID(), 4000, Map.of());
        CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        JobExecutionResult got =
                ReplayJob.awaitWithProgress(
                        client.apply(result, finished),
                        new PrintStream(progress, true, StandardCharsets.UTF_8),
                        System.nanoTime(),
                        new SteadyRate());

        assertThat(got).isSameAs(finished);
    }

    private static void endSoon(
            CompletableFuture<JobExecutionResult> result, JobExecutionResult finished) {
        result.completeAsync(
                () -> finished, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
    }

    /** A job client that only knows its result and cannot do anything else. */
    private abstract static class EndingJob implements JobClient {
        private final CompletableFuture<JobExecutionResult> result;

        EndingJob(CompletableFuture<JobExecutionResult> result) {
            this.result = result;
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
