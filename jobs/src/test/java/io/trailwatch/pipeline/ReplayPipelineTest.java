package io.trailwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.DeadLetterJson;
import io.trailwatch.alert.sink.LineSink;
import io.trailwatch.cli.ReplayJob;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.generate.LogGenerator;
import io.trailwatch.metrics.Counters;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.testing.TestClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The replay graph end to end on a MiniCluster, over generated input in every format. */
class ReplayPipelineTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(4);

    @TempDir Path dir;

    @Test
    void generatedLogsDecodeCompletelyAndTheUnownedAccountIsReportedPerHour() throws Exception {
        Path generated = dir.resolve("gen");
        LogGenerator.Result written = new LogGenerator(generated, 100_000, 3).generate();

        ReplayRun run =
                ReplayRun.of(
                        List.of(generated.resolve("logs")),
                        generated.resolve("ownership.csv"),
                        2,
                        dir);

        assertThat(run.deadLetters).isEmpty();
        assertThat(run.count(Counters.CLOUDTRAIL_RECORDS)).isEqualTo(written.cloudTrailRecords);
        assertThat(run.count(Counters.FLOW_RECORDS)).isEqualTo(written.flowRecords);
        // 100,000 records at 20 per second of event time span 83 minutes: the hours from 00:00 and
        // 01:00.
        assertThat(run.alerts).extracting(a -> a.get("ruleId").asText()).containsOnly("TW-OWN-01");
        assertThat(run.alerts)
                .extracting(a -> a.at("/evidence/fields/windowStart").asText())
                .containsExactlyInAnyOrder("2026-10-01T00:00:00Z", "2026-10-01T01:00:00Z");
        for (JsonNode a : run.alerts) {
            assertThat(a.get("account").asText()).isEqualTo("999988887777");
            assertThat(a.at("/owner/team").asText()).isEqualTo("unowned");
            assertThat(a.at("/evidence/count").asLong()).isPositive();
            assertThat(a.at("/evidence/eventIds")).hasSize(10);
        }
        assertThat(run.count(Counters.LATE_RECORDS + "TW-OWN-01")).isZero();
    }

    @Test
    void sameAlertIdsAtParallelismOneAndFour() throws Exception {
        Path generated = dir.resolve("gen");
        new LogGenerator(generated, 20_000, 11).generate();
        Files.createDirectories(dir.resolve("p1"));
        Files.createDirectories(dir.resolve("p4"));

        ReplayRun one =
                ReplayRun.of(
                        List.of(generated.resolve("logs")),
                        generated.resolve("ownership.csv"),
                        1,
                        dir.resolve("p1"));
        ReplayRun four =
                ReplayRun.of(
                        List.of(generated.resolve("logs")),
                        generated.resolve("ownership.csv"),
                        4,
                        dir.resolve("p4"));

        assertThat(ids(one)).isNotEmpty().isEqualTo(ids(four));
        assertThat(evidence(one)).isEqualTo(evidence(four));
    }

    /**
     * The file source runs in the analysis operator's task, so raw records reach it without being
     * serialized; the ownership table still comes over the network, to every instance.
     */
    @Test
    void theFileSourceRunsInTheAnalysisTask() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobGraph graph = replayJobGraph(env);

        List<JobVertex> analysis = new ArrayList<>();
        for (JobVertex vertex : graph.getVertices()) {
            if (vertex.getName().contains("Decode, owners")) {
                analysis.add(vertex);
            }
            assertThat(vertex.getName()).isNotEqualTo("Source: Log files");
        }
        assertThat(analysis).hasSize(1);
        assertThat(analysis.get(0).getName()).contains("Source: Log files");
        assertThat(analysis.get(0).getInputs())
                .extracting(edge -> edge.getSource().getProducer().getName())
                .containsExactly("Source: Ownership table");
    }

    /**
     * A checkpointed bounded job with the source chained never finished (Flink 1.20, checkpoints
     * after tasks finish): with checkpointing the source keeps a task of its own.
     */
    @Test
    void withCheckpointingTheFileSourceKeepsATaskOfItsOwn() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1000);
        JobGraph graph = replayJobGraph(env);

        assertThat(graph.getVertices())
                .extracting(JobVertex::getName)
                .contains("Source: Log files")
                .anySatisfy(name -> assertThat(name).startsWith("Decode, owners"))
                .noneSatisfy(name -> assertThat(name).contains("Decode").contains("Log files"));
    }

    /** The replay's graph over an empty directory, as the job manager gets it. */
    private JobGraph replayJobGraph(StreamExecutionEnvironment env) throws Exception {
        ReplayJob.buildGraph(
                env,
                PipelineSettings.forReplay(),
                List.of(dir),
                OwnershipTable.empty(),
                LineSink.toFile(dir.resolve("alerts.jsonl"), AlertJson::toJson),
                LineSink.toFile(dir.resolve("dead-letters.jsonl"), DeadLetterJson::toJson));
        return env.getStreamGraph().getJobGraph();
    }

    private static Set<String> ids(ReplayRun run) {
        return run.alerts.stream().map(a -> a.get("alertId").asText()).collect(Collectors.toSet());
    }

    private static Set<String> evidence(ReplayRun run) {
        return run.alerts.stream()
                .map(a -> a.get("evidence").toString())
                .collect(Collectors.toSet());
    }
}
