package io.trailwatch.alert.sink;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.delivery.DeliveryFailureWriter;
import io.trailwatch.alert.delivery.RetryBackoff;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryChannel;
import io.trailwatch.model.DeliveryFailure;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;

/**
 * What every delivery sink's writer does around sending: each batch becomes a {@link Submission}; a
 * failed message is retried with backoff until its attempts are used up, then dead-lettered, as is
 * a message its destination refused; delivery counters, and the dead-letter writer closed last.
 *
 * @param <E> the buffered message
 */
public abstract class DeliverySinkWriter<E extends DeliveryEntry<E>>
        extends AsyncSinkWriter<AlertDelivery, E> {
    private final DeliveryChannel channel;
    private final RetryBackoff backoff;
    private final DeliveryFailureWriter failures;
    private final Submission.DeliveryMetrics metrics;

    /** Runs the delayed retries of every submission, and whatever else the writer delays. */
    protected final ScheduledExecutorService scheduler;

    /**
     * What a writer starts from: the sink base's converter and settings, the task's context, the
     * messages restored from a checkpoint, and the delivery sink's retry settings and dead-letter
     * output.
     */
    public record Setup<E extends Serializable>(
            ElementConverter<AlertDelivery, E> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<E>> state,
            RetrySettings retry,
            DeliveryFailureOutput failures) {}

    protected DeliverySinkWriter(Setup<E> setup, DeliveryChannel channel, String schedulerThread)
            throws IOException {
        super(setup.converter(), setup.context(), setup.configuration(), setup.state());
        this.channel = channel;
        this.backoff = new RetryBackoff(setup.retry());
        this.failures = setup.failures().open();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon(schedulerThread));
        this.metrics = new Submission.DeliveryMetrics(setup.context().metricGroup());
    }

    protected static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The outcome of the batch the sink base hands to {@code submitRequestEntries}. */
    protected final Submission<E> submission(List<E> entries, ResultHandler<E> handler) {
        return new Submission<>(entries.size(), handler, scheduler, failures, metrics);
    }

    /** Retries the message after the backoff for its attempts so far, or gives up on it. */
    protected final void retryOrGiveUp(E e, String error, Submission<E> s) {
        E again = e.failedAgain(error);
        if (!gaveUp(again, error, s)) {
            s.retry(again, backoff.delayMillis(again.failedAttempts));
        }
    }

    /** Retries the message after {@code delayMillis}, or gives up on it. */
    protected final void retryOrGiveUp(E e, String error, long delayMillis, Submission<E> s) {
        E again = e.failedAgain(error);
        if (!gaveUp(again, error, s)) {
            s.retry(again, delayMillis);
        }
    }

    private boolean gaveUp(E again, String error, Submission<E> s) {
        if (!backoff.exhausted(again.failedAttempts)) {
            return false;
        }
        s.deadLetter(
                failure(again, DeliveryFailure.RETRIES_EXHAUSTED, error, again.failedAttempts));
        return true;
    }

    /** Dead-letters a message its destination refused: sending it again would not help. */
    protected final void refused(E e, String error, Submission<E> s) {
        s.deadLetter(failure(e, DeliveryFailure.REJECTED, error, e.failedAttempts + 1));
    }

    protected final DeliveryFailure failure(E e, String reason, String error, int attempts) {
        return new DeliveryFailure(
                e.alertId,
                e.ruleId,
                channel.id(),
                e.destination(),
                reason,
                error,
                attempts,
                System.currentTimeMillis(),
                e.alert());
    }

    @Override
    protected final long getSizeInBytes(E entry) {
        return entry.sizeInBytes();
    }

    /** Closes the writer's clients, after its scheduler stopped and before the dead letters. */
    protected abstract void closeClients();

    @Override
    public final void close() {
        scheduler.shutdownNow();
        closeClients();
        try {
            failures.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
