package io.trailwatch.alert.sink.slack;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.config.SlackSettings;
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
 * Posts alerts to Slack incoming webhooks as Block Kit messages, on Flink's async sink base:
 * buffered, paced to one message per second per webhook, retried with backoff (429 after its {@code
 * Retry-After}), dead-lettered when refused or out of retries. Before a checkpoint completes the
 * messages in flight are settled and the buffered ones go into the checkpoint (at-least-once). Feed
 * it partitioned by webhook (see {@code AlertDeliveryStage}) so that one subtask paces each
 * webhook.
 */
public class SlackAlertSink extends AsyncSinkBase<AlertDelivery, SlackMessageEntry> {
    private static final long serialVersionUID = 1L;

    /** Messages handed to one submission; each webhook still gets them one per interval. */
    static final int MAX_BATCH = 10;

    static final int MAX_BUFFERED = 500;

    /**
     * Bounds one buffered message. Rendered messages are limited in characters (see {@code
     * SlackLimits}) and stay far below this even in four-byte characters: the sink base fails the
     * job on a larger one.
     */
    static final long MAX_MESSAGE_BYTES = 512 * 1024;

    private final SlackSettings slack;
    private final RetrySettings retry;
    private final DeliveryFailureOutput failures;

    public SlackAlertSink(
            SlackSettings slack,
            RetrySettings retry,
            DeliveryFailureOutput failures,
            long maxTimeInBufferMillis) {
        super(
                new SlackEntryConverter(),
                MAX_BATCH,
                1,
                MAX_BUFFERED,
                MAX_BATCH * MAX_MESSAGE_BYTES,
                maxTimeInBufferMillis,
                MAX_MESSAGE_BYTES,
                requestTimeout(slack, retry),
                false);
        this.slack = slack;
        this.retry = retry;
        this.failures = failures;
    }

    /** A submission lasts while its messages wait for their webhook slots and retries. */
    private static long requestTimeout(SlackSettings slack, RetrySettings retry) {
        return retry.requestTimeoutMillis
                + 2 * retry.maxDelayMillis
                + SlackAlertSinkWriter.MAX_RETRY_AFTER_MILLIS
                + MAX_BATCH * slack.minIntervalMillis;
    }

    @Override
    public StatefulSinkWriter<AlertDelivery, BufferedRequestState<SlackMessageEntry>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<AlertDelivery, BufferedRequestState<SlackMessageEntry>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<SlackMessageEntry>> state)
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
        return new SlackAlertSinkWriter(
                getElementConverter(), context, configuration, state, slack, retry, failures);
    }

    /** Flink 1.20 creates writers through {@link #createWriter(WriterInitContext)}. */
    @Override
    @Deprecated
    public StatefulSinkWriter<AlertDelivery, BufferedRequestState<SlackMessageEntry>> createWriter(
            Sink.InitContext context) {
        throw new UnsupportedOperationException("use createWriter(WriterInitContext)");
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<SlackMessageEntry>>
            getWriterStateSerializer() {
        return new SlackMessageEntrySerializer();
    }
}
