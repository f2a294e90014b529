package io.trailwatch.ingest.kinesis;

import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import io.trailwatch.model.flink.RawRecordTypeInfo;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.apache.flink.streaming.connectors.kinesis.config.AWSConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.serialization.KinesisDeserializationSchema;

/**
 * The one place that knows how Trailwatch reads Kinesis. Today: the connector's {@code
 * FlinkKinesisConsumer} with the polling record publisher (the newest connector served here; its
 * FLIP-27 source does not work against the emulator). Moving to {@code
 * flink-connector-aws-kinesis-streams} 5.x/6.x means rewriting this file only: everything
 * downstream sees {@link RawRecord}s of kind {@link RawKind#UNKNOWN} whose origin names stream,
 * shard and sequence number.
 *
 * <p>Event time and watermarks are not the consumer's business here: one Kinesis record may hold
 * many events (a CloudWatch Logs payload), so the pipeline assigns them after decoding, with
 * idleness so a reader without shards or records never stalls the job. The consumer's own per-shard
 * watermarking ({@code flink.shard.idle.interval}) only matters with its periodic watermark
 * assigner, which Trailwatch does not use; a consumer subtask with no shard marks itself idle on
 * its own.
 */
public final class KinesisSources {
    private KinesisSources() {}

    /**
     * The records of one stream.
     *
     * @param uid stable operator id: the consumer's shard positions are restored by it
     */
    public static DataStream<RawRecord> stream(
            StreamExecutionEnvironment env,
            KinesisReadSettings settings,
            String stream,
            String uid) {
        FlinkKinesisConsumer<RawRecord> consumer =
                new FlinkKinesisConsumer<>(stream, new RawRecordSchema(), consumerConfig(settings));
        return env.addSource(consumer, "Kinesis " + stream).uid(uid).name("Kinesis " + stream);
    }

    static Properties consumerConfig(KinesisReadSettings s) {
        Properties p = new Properties();
        p.setProperty(AWSConfigConstants.AWS_REGION, s.region());
        if (s.endpoint() != null) {
            p.setProperty(AWSConfigConstants.AWS_ENDPOINT, s.endpoint());
        }
        p.setProperty(
                ConsumerConfigConstants.RECORD_PUBLISHER_TYPE,
                ConsumerConfigConstants.RecordPublisherType.POLLING.name());
        p.setProperty(ConsumerConfigConstants.STREAM_INITIAL_POSITION, s.initialPosition());
        if (s.initialTimestamp() != null) {
            // The consumer parses this as seconds since the epoch (with fraction).
            p.setProperty(
                    ConsumerConfigConstants.STREAM_INITIAL_TIMESTAMP,
                    String.valueOf(s.initialTimestamp().toEpochMilli() / 1000.0));
        }
        p.setProperty(
                ConsumerConfigConstants.SHARD_GETRECORDS_INTERVAL_MILLIS,
                String.valueOf(s.pollInterval().toMillis()));
        p.setProperty(
                ConsumerConfigConstants.SHARD_GETRECORDS_MAX, String.valueOf(s.pollMaxRecords()));
        // Throttled reads back off and retry rather than fail the job: many consumers share a
        // shard's 5 reads per second.
        p.setProperty(ConsumerConfigConstants.SHARD_GETRECORDS_RETRIES, "10");
        p.setProperty(ConsumerConfigConstants.SHARD_GETRECORDS_BACKOFF_MAX, "10000");
        return p;
    }

    /** A Kinesis record as it arrived: decoding (gzip, envelopes, flow text) happens downstream. */
    static final class RawRecordSchema implements KinesisDeserializationSchema<RawRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public RawRecord deserialize(
                byte[] value,
                String partitionKey,
                String sequenceNumber,
                long approximateArrivalTimestamp,
                String stream,
                String shardId) {
            return new RawRecord(
                    origin(stream, shardId, sequenceNumber), RawKind.UNKNOWN, value, null);
        }

        @Override
        public TypeInformation<RawRecord> getProducedType() {
            return RawRecordTypeInfo.INSTANCE;
        }
    }

    /** Where a dead letter came from: enough to fetch the record again with GetRecords. */
    public static String origin(String stream, String shardId, String sequenceNumber) {
        return "kinesis:" + stream + "/" + shardId + "/" + sequenceNumber;
    }
}
