package io.trailwatch.alert.sink;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSink;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;
import org.apache.flink.streaming.connectors.kinesis.config.AWSConfigConstants;

/**
 * One JSON document per Kinesis record, through the connector's {@link KinesisStreamsSink}: it
 * batches (PutRecords), retries throttled and failed entries, and keeps unsent entries in its
 * checkpointed state. Delivery is at least once: after a failure between a checkpoint and a send,
 * records may be sent twice; alert ids are deterministic, so receivers can drop repeats.
 */
public final class KinesisJsonSink {
    private KinesisJsonSink() {}

    public static <T> KinesisStreamsSink<T> create(
            String stream,
            String region,
            String endpoint,
            LineSink.Formatter<T> json,
            PartitionKeyGenerator<T> partitionKey) {
        Properties client = new Properties();
        client.setProperty(AWSConfigConstants.AWS_REGION, region);
        if (endpoint != null) {
            client.setProperty(AWSConfigConstants.AWS_ENDPOINT, endpoint);
            if (endpoint.startsWith("http://")) {
                // A local emulator speaks plain HTTP/1.1; the SDK's default for Kinesis is HTTP/2.
                client.setProperty(AWSConfigConstants.HTTP_PROTOCOL_VERSION, "HTTP1_1");
            }
        }
        SerializationSchema<T> serializer =
                element -> json.format(element).getBytes(StandardCharsets.UTF_8);
        return KinesisStreamsSink.<T>builder()
                .setStreamName(stream)
                .setKinesisClientProperties(client)
                .setSerializationSchema(serializer)
                .setPartitionKeyGenerator(partitionKey)
                // Throttled and partially failed PutRecords entries are queued again and retried;
                // fatal errors (missing stream, access denied) still fail the job, which then
                // restarts from its last checkpoint.
                .setFailOnError(false)
                .build();
    }
}
