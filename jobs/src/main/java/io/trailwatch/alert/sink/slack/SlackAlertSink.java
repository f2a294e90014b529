package io.trailwatch.alert.sink.slack;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.sink.DeliverySink;
import io.trailwatch.alert.sink.DeliverySinkWriter;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.config.SlackSettings;
import java.io.IOException;

/**
 * Posts alerts to Slack incoming webhooks as Block Kit messages, on Flink's async sink base:
 * buffered, paced to one message per second per webhook, retried with backoff (429 after its {@code
 * Retry-After}, up to a cap), dead-lettered when refused, out of retries or past its delivery
 * deadline. Before a checkpoint completes the messages in flight are settled and the buffered ones
 * go into the checkpoint (at-least-once). Feed it partitioned by webhook (see {@code
 * AlertDeliveryStage}) so that one subtask paces each webhook.
 */
public class SlackAlertSink extends DeliverySink<SlackMessageEntry> {
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

    public SlackAlertSink(
            SlackSettings slack,
            RetrySettings retry,
            DeliveryFailureOutput failures,
            long maxTimeInBufferMillis) {
        super(
                new SlackEntryConverter(),
                SlackMessageEntrySerializer::new,
                MAX_BATCH,
                1,
                MAX_BUFFERED,
                MAX_BATCH * MAX_MESSAGE_BYTES,
                maxTimeInBufferMillis,
                MAX_MESSAGE_BYTES,
                requestTimeout(slack, retry),
                retry,
                failures);
        this.slack = slack;
    }

    /**
     * A submission lasts while its messages wait for their webhook slots and retries, which the
     * writer ends at each message's delivery deadline; a post begun just before it may still take
     * its connection and request time.
     */
    private static long requestTimeout(SlackSettings slack, RetrySettings retry) {
        return retry.deadlineMillis
                + SlackAlertSinkWriter.CONNECT_TIMEOUT_MILLIS
                + retry.requestTimeoutMillis
                + MAX_BATCH * slack.minIntervalMillis;
    }

    @Override
    protected DeliverySinkWriter<SlackMessageEntry> writer(
            DeliverySinkWriter.Setup<SlackMessageEntry> setup) throws IOException {
        return new SlackAlertSinkWriter(setup, slack);
    }
}
