package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RunSettings;
import io.trailwatch.model.OwnershipTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
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

    /** The operators {@link RunJob} adds for the Delivery group (AlertDeliveryStage's). */
    static final List<String> DELIVERY_UIDS =
            List.of(
                    "alert-routing",
                    "unroutable-alerts",
                    "sns-deliveries",
                    "sns-alerts",
                    "slack-deliveries",
                    "slack-alerts");

    @Test
    void everyOperatorHasAUniqueUidAndAName() throws Exception {
        Map<String, Properties> groups = groups();
        StreamExecutionEnvironment env = build(groups);

        List<String> uids = uids(env);
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
        assertThat(uids).doesNotContainAnyElementsOf(DELIVERY_UIDS);
        // Flink itself refuses a graph with an operator lacking a uid (auto-generated uids are
        // off).
        assertThat(env.getStreamGraph().getStreamNodes()).isNotEmpty();
    }

    @Test
    void theDeliveryGroupAddsRoutingAndTheSnsAndSlackSinks() throws Exception {
        Map<String, Properties> groups = groups();
        put(groups, "Delivery", "sns.default-topic-arn", RunDeliveryTest.TOPIC);
        put(groups, "Delivery", "slack.webhook.default", "secretsmanager:trailwatch/slack");
        StreamExecutionEnvironment env = build(groups);

        assertThat(uids(env))
                .containsAll(DELIVERY_UIDS)
                // Kinesis and the log still take every alert as well.
                .contains("alert-stream-sink", "alert-log-sink");
        // The graph Flink runs (it refuses operators without a uid here): the sinks by name, fed
        // by the routing.
        StreamGraph graph = env.getStreamGraph();
        Map<String, StreamNode> nodes = new HashMap<>();
        for (StreamNode n : graph.getStreamNodes()) {
            nodes.put(n.getTransformationUID(), n);
        }
        assertThat(nodes).containsKeys(DELIVERY_UIDS.toArray(new String[0]));
        assertThat(nodes.get("sns-alerts").getOperatorName()).contains("SNS");
        assertThat(nodes.get("slack-alerts").getOperatorName()).contains("Slack");
        assertThat(upstreamUids(graph, nodes.get("slack-alerts")))
                .containsExactly("slack-deliveries");
        assertThat(upstreamUids(graph, nodes.get("slack-deliveries")))
                .containsExactly("alert-routing");
        assertThat(upstreamUids(graph, nodes.get("sns-alerts"))).containsExactly("sns-deliveries");
    }

    @Test
    void onlyTheConfiguredSinkIsAdded() throws Exception {
        Map<String, Properties> groups = groups();
        put(groups, "Delivery", "slack.webhook.#secops", "secretsmanager:trailwatch/slack");

        assertThat(uids(build(groups)))
                .contains("alert-routing", "slack-alerts")
                .doesNotContain("sns-deliveries", "sns-alerts");
    }

    private Map<String, Properties> groups() throws Exception {
        Path table = dir.resolve("ownership.csv");
        Files.writeString(table, "match,team\n111122223333,payments\n");
        Map<String, Properties> groups = new TreeMap<>();
        put(groups, "Input", "region", "eu-west-1");
        put(groups, "Input", "cloudtrail.stream", "cloudtrail");
        put(groups, "Input", "flow.stream", "flows");
        put(groups, "Ownership", "table.location", table.toString());
        put(groups, "Output", "alerts.stream", "alerts");
        put(groups, "Output", "deadletters.stream", "dead-letters");
        return groups;
    }

    private static StreamExecutionEnvironment build(Map<String, Properties> groups)
            throws Exception {
        RunSettings settings = RunSettings.from(groups);
        OwnershipTable initial = RunJob.readInitialTable(settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RunJob.buildGraph(env, settings, initial);
        return env;
    }

    /** Every operator's uid, each checked to be there, named and unique. */
    private static List<String> uids(StreamExecutionEnvironment env) {
        List<String> uids = new ArrayList<>();
        for (Transformation<?> t : operators(env)) {
            assertThat(t.getUid()).as("uid of " + t.getName()).isNotBlank();
            assertThat(t.getName()).as("name of " + t.getUid()).isNotBlank();
            uids.add(t.getUid());
        }
        assertThat(uids).doesNotHaveDuplicates();
        return uids;
    }

    private static List<String> upstreamUids(StreamGraph graph, StreamNode node) {
        List<String> out = new ArrayList<>();
        for (StreamEdge e : node.getInEdges()) {
            out.add(graph.getStreamNode(e.getSourceId()).getTransformationUID());
        }
        return out;
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
