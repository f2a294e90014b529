package io.trailwatch.alert.sink.sns;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.format.SnsMessages;
import io.trailwatch.alert.sink.DeliverySink;
import io.trailwatch.alert.sink.DeliverySinkWriter;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.config.SnsSettings;
import java.io.IOException;

/**
 * Publishes alerts to SNS with the AWS SDK's async client, on Flink's async sink base: batches of
 * up to 10 messages within 256 KiB (PublishBatch), a bounded number of requests in flight, retries
 * with backoff and jitter, everything buffered sent before a checkpoint completes (at-least-once;
 * alert ids make repeats recognisable), and what cannot be delivered to the dead-letter output with
 * its error.
 */
public class SnsAlertSink extends DeliverySink<SnsPublishEntry> {
    private static final long serialVersionUID = 1L;

    /** PublishBatch takes at most 10 entries. */
    public static final int MAX_BATCH = 10;

    static final int MAX_BUFFERED = 1000;

    private final SnsSettings sns;

    public SnsAlertSink(
            SnsSettings sns,
            RetrySettings retry,
            DeliveryFailureOutput failures,
            long maxTimeInBufferMillis) {
        super(
                new SnsEntryConverter(sns.format),
                SnsPublishEntrySerializer::new,
                MAX_BATCH,
                sns.maxInFlightRequests,
                MAX_BUFFERED,
                SnsMessages.MAX_BYTES,
                maxTimeInBufferMillis,
                SnsMessages.MAX_BYTES,
                requestTimeout(retry),
                retry,
                failures);
        this.sns = sns;
    }

    /**
     * A request stays in flight through its backoff before the retry: the sink base must not time
     * it out meanwhile.
     */
    private static long requestTimeout(RetrySettings retry) {
        return retry.requestTimeoutMillis + 2 * retry.maxDelayMillis;
    }

    @Override
    protected DeliverySinkWriter<SnsPublishEntry> writer(
            DeliverySinkWriter.Setup<SnsPublishEntry> setup) throws IOException {
        return new SnsAlertSinkWriter(setup, sns);
    }
}
