package io.trailwatch.pipeline;

import static io.trailwatch.alert.TestAlerts.payments;
import static io.trailwatch.alert.TestAlerts.securityGroupOpened;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.Schemas;
import io.trailwatch.alert.dedup.AlertDeduplication;
import io.trailwatch.config.DedupSettings;
import io.trailwatch.model.Alert;
import io.trailwatch.testing.TestClusters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The de-duplication stage on a MiniCluster: a risky change repeated within the hour yields one
 * alert and one follow-up with the suppressed count, with the same ids at parallelism 1 and 4.
 */
class DedupPipelineTest {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.withSlots(4);

    private static final String SG = "sg-0a1b2c3d4e5f60001";
    private static final String OTHER_SG = "sg-0a1b2c3d4e5f60002";

    /**
     * Mallory opens sg-…0001 to the internet five times within 40 minutes (and once more two hours
     * later); sg-…0002 is opened once.
     */
    static List<Alert> riskyChanges() {
        List<Alert> alerts = new ArrayList<>();
        alerts.add(securityGroupOpened("e-01", "2026-10-14T09:00:00Z", SG, payments()));
        alerts.add(securityGroupOpened("e-02", "2026-10-14T09:05:00Z", OTHER_SG, payments()));
        alerts.add(securityGroupOpened("e-03", "2026-10-14T09:10:00Z", SG, payments()));
        alerts.add(securityGroupOpened("e-04", "2026-10-14T09:20:00Z", SG, payments()));
        alerts.add(securityGroupOpened("e-05", "2026-10-14T09:30:00Z", SG, payments()));
        alerts.add(securityGroupOpened("e-06", "2026-10-14T09:40:00Z", SG, payments()));
        alerts.add(securityGroupOpened("e-07", "2026-10-14T11:40:00Z", SG, payments()));
        return alerts;
    }

    static List<Alert> run(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(conf);
        env.setParallelism(parallelism);
        DataStream<Alert> detected =
                env.fromData(riskyChanges())
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<Alert>forBoundedOutOfOrderness(
                                                Duration.ofMinutes(15))
                                        .withTimestampAssigner((a, ts) -> a.eventTime))
                        // Stands in for the parallel detectors, keyed by what they watch.
                        .keyBy(a -> a.resource, Types.STRING)
                        .map(a -> a)
                        .returns(Alert.class)
                        .name("Detectors");
        DataStream<Alert> deduplicated =
                AlertDeduplication.apply(detected, DedupSettings.defaults());
        List<Alert> out = new ArrayList<>();
        try (CloseableIterator<Alert> it = deduplicated.executeAndCollect("dedup test")) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void repeatedRiskyChangeYieldsOneAlertAndOneFollowUpWithTheSuppressedCount() throws Exception {
        List<Alert> out = run(2);

        List<Alert> aboutSg =
                out.stream().filter(a -> SG.equals(a.resource)).collect(Collectors.toList());
        List<Alert> followUps = aboutSg.stream().filter(Alert::isFollowUp).toList();
        assertThat(aboutSg).hasSize(3); // first, follow-up, and the change two hours later
        assertThat(followUps).hasSize(1);
        Alert followUp = followUps.get(0);
        Alert first = riskyChanges().get(0);
        assertThat(followUp.followUpOf).isEqualTo(first.alertId);
        assertThat(followUp.suppressedCount).isEqualTo(4);
        assertThat(followUp.evidence.eventIds).containsExactly("e-03", "e-04", "e-05", "e-06");
        assertThat(aboutSg)
                .extracting(a -> a.alertId)
                .contains(first.alertId, riskyChanges().get(6).alertId);
        assertThat(out.stream().filter(a -> OTHER_SG.equals(a.resource))).hasSize(1);
        assertThat(out).hasSize(4);
    }

    @Test
    void sameAlertIdsAtParallelismOneAndFour() throws Exception {
        Set<String> one = ids(run(1));
        Set<String> four = ids(run(4));

        assertThat(one).hasSize(4).isEqualTo(four);
    }

    @Test
    void everyAlertAndFollowUpValidatesAgainstTheSchema() throws Exception {
        JsonSchema schema = Schemas.alert();
        ObjectMapper json = new ObjectMapper();
        for (Alert a : run(2)) {
            JsonNode node = json.readTree(AlertJson.toJson(a));
            assertThat(schema.validate(node)).as(node.toString()).isEmpty();
        }
    }

    private static Set<String> ids(List<Alert> alerts) {
        return alerts.stream().map(a -> a.alertId).collect(Collectors.toSet());
    }
}
