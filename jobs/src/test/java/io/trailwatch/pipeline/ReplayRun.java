package io.trailwatch.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.DeadLetterJson;
import io.trailwatch.alert.sink.LineSink;
import io.trailwatch.cli.ReplayJob;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnershipTableParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the replay graph on the test MiniCluster and collects what it wrote. */
public final class ReplayRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<JsonNode> alerts;
    public final List<JsonNode> deadLetters;
    public final Map<String, Object> counters;

    private ReplayRun(
            List<JsonNode> alerts, List<JsonNode> deadLetters, Map<String, Object> counters) {
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    public static ReplayRun of(List<Path> inputs, Path ownership, int parallelism, Path workDir)
            throws Exception {
        OwnershipTable table =
                ownership == null ? OwnershipTable.empty() : OwnershipTableParser.parse(ownership);
        return of(inputs, table, PipelineSettings.forReplay(), parallelism, workDir);
    }

    public static ReplayRun of(
            List<Path> inputs,
            OwnershipTable table,
            PipelineSettings settings,
            int parallelism,
            Path workDir)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(conf);
        env.setParallelism(parallelism);
        Path alerts = workDir.resolve("alerts.jsonl");
        Path deadLetters = workDir.resolve("dead-letters.jsonl");
        ReplayJob.buildGraph(
                env,
                settings,
                inputs,
                table,
                LineSink.toFile(alerts, AlertJson::toJson),
                LineSink.toFile(deadLetters, DeadLetterJson::toJson));
        JobExecutionResult result = env.execute("replay test");
        return new ReplayRun(read(alerts), read(deadLetters), result.getAllAccumulatorResults());
    }

    public long count(String counter) {
        Object v = counters.get(counter);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
