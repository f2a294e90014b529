package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RunSettings;
import io.trailwatch.model.OwnershipTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.PartitionTransformation;
import org.apache.flink.streaming.api.transformations.SideOutputTransformation;
import org.apache.flink.streaming.api.transformations.UnionTransformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming graph's shape, without Kinesis: every operator has a stable uid and a name (what a
 * snapshot is mapped by after an upgrade), and uids are unique.
 */
class RunJobGraphTest {
    @TempDir Path dir;

    @Test
    void everyOperatorHasAUniqueUidAndAName() throws Exception {
        Path table = dir.resolve("ownership.csv");
        Files.writeString(table, "match,team\n111122223333,payments\n");
        Map<String, Properties> groups = new TreeMap<>();
        put(groups, "Input", "region", "eu-west-1");
        put(groups, "Input", "cloudtrail.stream", "cloudtrail");
        put(groups, "Input", "flow.stream", "flows");
        put(groups, "Ownership", "table.location", table.toString());
        put(groups, "Output", "alerts.stream", "alerts");
        put(groups, "Output", "deadletters.stream", "dead-letters");
        RunSettings settings = RunSettings.from(groups);
        OwnershipTable initial = RunJob.readInitialTable(settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        RunJob.buildGraph(env, settings, initial);

        List<String> uids = new ArrayList<>();
        for (Transformation<?> t : operators(env)) {
            assertThat(t.getUid()).as("uid of " + t.getName()).isNotBlank();
            assertThat(t.getName()).as("name of " + t.getUid()).isNotBlank();
            uids.add(t.getUid());
        }
        assertThat(uids).doesNotHaveDuplicates();
        assertThat(uids)
                .contains(
                        "kinesis-cloudtrail",
                        "kinesis-flow",
                        "ownership-table-polls",
                        "analyze",
                        "TW-OWN-01",
                        "alert-stream-sink",
                        "alert-log-sink",
                        "dead-letter-stream-sink",
                        "dead-letter-log-sink");
        // Flink itself refuses a graph with an operator lacking a uid (auto-generated uids are
        // off).
        assertThat(env.getStreamGraph().getStreamNodes()).isNotEmpty();
    }

    /**
     * Every transformation that becomes an operator (unions, partitioning, side outputs do not).
     */
    private static List<Transformation<?>> operators(StreamExecutionEnvironment env) {
        List<Transformation<?>> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Deque<Transformation<?>> todo = new ArrayDeque<>(env.getTransformations());
        while (!todo.isEmpty()) {
            Transformation<?> t = todo.pop();
            if (!seen.add(t.getId())) {
                continue;
            }
            todo.addAll(t.getInputs());
            if (!(t instanceof UnionTransformation
                    || t instanceof PartitionTransformation
                    || t instanceof SideOutputTransformation)) {
                out.add(t);
            }
        }
        return out;
    }

    private static void put(
            Map<String, Properties> groups, String group, String key, String value) {
        groups.computeIfAbsent(group, g -> new Properties()).setProperty(key, value);
    }
}
