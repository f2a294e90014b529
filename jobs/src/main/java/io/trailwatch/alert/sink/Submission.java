package io.trailwatch.alert.sink;

import io.trailwatch.alert.delivery.DeliveryFailureWriter;
import io.trailwatch.model.DeliveryFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * The outcome of one batch a delivery sink submitted: every message ends delivered, to be retried
 * (after a delay), or dead-lettered. When the last one is settled the batch completes; messages to
 * retry go back to the sink's buffer only after the longest delay any of them asked for, so the
 * request stays in flight meanwhile (bounding what is in flight, and holding a checkpoint until the
 * retries are resolved). A dead letter that cannot be written fails the job rather than losing the
 * alert.
 *
 * @param <E> the sink's request entry
 */
public final class Submission<E> {
    private final ResultHandler<E> handler;
    private final ScheduledExecutorService scheduler;
    private final DeliveryFailureWriter failures;
    private final DeliveryMetrics metrics;
    private final List<E> retries = new ArrayList<>();
    private int unsettled;
    private long retryDelayMillis;
    private IOException failureNotWritten;

    public Submission(
            int messages,
            ResultHandler<E> handler,
            ScheduledExecutorService scheduler,
            DeliveryFailureWriter failures,
            DeliveryMetrics metrics) {
        this.unsettled = messages;
        this.handler = handler;
        this.scheduler = scheduler;
        this.failures = failures;
        this.metrics = metrics;
        if (messages == 0) {
            handler.complete();
        }
    }

    public void delivered() {
        metrics.delivered.inc();
        settled();
    }

    public void retry(E entry, long delayMillis) {
        synchronized (this) {
            retries.add(entry);
            retryDelayMillis = Math.max(retryDelayMillis, delayMillis);
        }
        metrics.retried.inc();
        settled();
    }

    public void deadLetter(DeliveryFailure failure) {
        try {
            failures.write(failure);
        } catch (IOException e) {
            synchronized (this) {
                failureNotWritten = e;
            }
        }
        metrics.deadLettered.inc();
        settled();
    }

    private void settled() {
        List<E> toRetry;
        long delay;
        IOException fatal;
        synchronized (this) {
            if (--unsettled > 0) {
                return;
            }
            toRetry = new ArrayList<>(retries);
            delay = retryDelayMillis;
            fatal = failureNotWritten;
        }
        if (fatal != null) {
            handler.completeExceptionally(
                    new IOException(
                            "cannot write an undeliverable alert to the dead letters", fatal));
        } else if (toRetry.isEmpty()) {
            handler.complete();
        } else if (delay <= 0) {
            handler.retryForEntries(toRetry);
        } else {
            try {
                scheduler.schedule(
                        () -> handler.retryForEntries(toRetry), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // The writer is closing: hand the entries back now so they are not lost.
                handler.retryForEntries(toRetry);
            }
        }
    }

    /** The counters every delivery sink keeps, in its writer's metric group. */
    public static final class DeliveryMetrics {
        public final Counter delivered;
        public final Counter retried;
        public final Counter deadLettered;

        /** Thread-safe counters: responses are settled on HTTP client threads. */
        public DeliveryMetrics(MetricGroup group) {
            this.delivered = group.counter("messagesDelivered", new ThreadSafeSimpleCounter());
            this.retried = group.counter("messagesRetried", new ThreadSafeSimpleCounter());
            this.deadLettered =
                    group.counter("messagesDeadLettered", new ThreadSafeSimpleCounter());
        }
    }
}
