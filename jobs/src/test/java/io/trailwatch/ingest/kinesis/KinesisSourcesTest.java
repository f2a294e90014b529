package io.trailwatch.ingest.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RunSettings;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import io.trailwatch.model.flink.RawRecordTypeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.util.KinesisConfigUtil;
import org.junit.jupiter.api.Test;

/** The consumer configuration the connector will accept, and the records the source produces. */
class KinesisSourcesTest {
    @Test
    void atTimestampConfigurationIsAcceptedByTheConnector() throws Exception {
        Map<String, Properties> groups = new TreeMap<>();
        put(groups, "Input", "region", "eu-west-1");
        put(groups, "Input", "cloudtrail.stream", "cloudtrail");
        put(groups, "Input", "initial.position", "AT_TIMESTAMP");
        put(groups, "Input", "initial.timestamp", "2026-10-01T12:30:00Z");
        put(groups, "Input", "poll.interval", "2s");
        put(groups, "Ownership", "table.location", "/tmp/ownership.csv");

        Properties config = KinesisSources.consumerConfig(RunSettings.from(groups).kinesisRead());

        KinesisConfigUtil.validateConsumerConfiguration(config);
        assertThat(KinesisConfigUtil.parseStreamTimestampStartingPosition(config).toInstant())
                .isEqualTo(Instant.parse("2026-10-01T12:30:00Z"));
        assertThat(config.getProperty(ConsumerConfigConstants.RECORD_PUBLISHER_TYPE))
                .isEqualTo("POLLING");
        assertThat(config.getProperty(ConsumerConfigConstants.SHARD_GETRECORDS_INTERVAL_MILLIS))
                .isEqualTo("2000");
    }

    @Test
    void aKinesisRecordIsARawRecordOfUnknownShapeNamingItsPlace() {
        KinesisSources.RawRecordSchema schema = new KinesisSources.RawRecordSchema();
        RawRecord r =
                schema.deserialize(
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "key",
                        "4968",
                        0L,
                        "cloudtrail",
                        "shardId-000000000002");

        assertThat(r.kind).isEqualTo(RawKind.UNKNOWN);
        assertThat(r.origin).isEqualTo("kinesis:cloudtrail/shardId-000000000002/4968");
        TypeInformation<RawRecord> type = schema.getProducedType();
        assertThat(type).isSameAs(RawRecordTypeInfo.INSTANCE);
    }

    private static void put(
            Map<String, Properties> groups, String group, String key, String value) {
        groups.computeIfAbsent(group, g -> new Properties()).setProperty(key, value);
    }
}
