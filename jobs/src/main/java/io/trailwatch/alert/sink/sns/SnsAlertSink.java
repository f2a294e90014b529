package io.trailwatch.alert.sink.sns;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.format.SnsMessages;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.config.SnsSettings;
import io.trailwatch.model.AlertDelivery;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Publishes alerts to SNS with the AWS SDK's async client, on Flink's async sink base: batches of
 * up to 10 messages within 256 KiB (PublishBatch), a bounded number of requests in flight, retries
 * with backoff and jitter, everything buffered sent before a checkpoint completes (at-least-once;
 * alert ids make repeats recognisable), and what cannot be delivered to the dead-letter output with
 * its error.
 */
public class SnsAlertSink extends AsyncSinkBase<AlertDelivery, SnsPublishEntry> {
    private static final long serialVersionUID = 1L;

    /** PublishBatch takes at most 10 entries. */
    public static final int MAX_BATCH = 10;

    static final int MAX_BUFFERED = 1000;

    private final SnsSettings sns;
    private final RetrySettings retry;
    private final DeliveryFailureOutput failures;

    public SnsAlertSink(
            SnsSettings sns,
            RetrySettings retry,
            DeliveryFailureOutput failures,
            long maxTimeInBufferMillis) {
        super(
                new SnsEntryConverter(sns.format),
                MAX_BATCH,
                sns.maxInFlightRequests,
                MAX_BUFFERED,
                SnsMessages.MAX_BYTES,
                maxTimeInBufferMillis,
                SnsMessages.MAX_BYTES,
                requestTimeout(retry),
                false);
        this.sns = sns;
        this.retry = retry;
        this.failures = failures;
    }

    /**
     * A request stays in flight through its backoff before the retry: the sink base must not time
     * it out meanwhile.
     */
    private static long requestTimeout(RetrySettings retry) {
        return retry.requestTimeoutMillis + 2 * retry.maxDelayMillis;
    }

    @Override
    public StatefulSinkWriter<AlertDelivery, BufferedRequestState<SnsPublishEntry>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<AlertDelivery, BufferedRequestState<SnsPublishEntry>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<SnsPublishEntry>> state)
            throws IOException {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .setRequestTimeoutMS(getRequestTimeoutMS())
                        .setFailOnTimeout(getFailOnTimeout())
                        .build();
        return new SnsAlertSinkWriter(
                getElementConverter(), context, configuration, state, sns, retry, failures);
    }

    /** Flink 1.20 creates writers through {@link #createWriter(WriterInitContext)}. */
    @Override
    @Deprecated
    public StatefulSinkWriter<AlertDelivery, BufferedRequestState<SnsPublishEntry>> createWriter(
            Sink.InitContext context) {
        throw new UnsupportedOperationException("use createWriter(WriterInitContext)");
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<SnsPublishEntry>>
            getWriterStateSerializer() {
        return new SnsPublishEntrySerializer();
    }
}
