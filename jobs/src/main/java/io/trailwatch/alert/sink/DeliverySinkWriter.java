package io.trailwatch.alert.sink;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.delivery.DeliveryFailureWriter;
import io.trailwatch.alert.delivery.RetryBackoff;
import io.trailwatch.config.DeliveryProperties;
import io.trailwatch.config.Durations;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryChannel;
import io.trailwatch.model.DeliveryFailure;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
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
 * failed message is retried with backoff until its attempts are used up or its delivery deadline
 * would pass, then dead-lettered, as is a message its destination refused; delivery counters, and
 * the dead-letter writer closed last.
 *
 * @param <E> the buffered message
 */
public abstract class DeliverySinkWriter<E extends DeliveryEntry<E>>
        extends AsyncSinkWriter<AlertDelivery, E> {
    private final DeliveryChannel channel;
    private final RetryBackoff backoff;
    private final long deadlineMillis;
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
        this.deadlineMillis = setup.retry().deadlineMillis;
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
        long delay = backoff.delayMillis(again.failedAttempts);
        retryUnlessOutOfTime(again, error, delay, delay, s);
    }

    /**
     * Retries the message once its destination takes messages again, {@code waitMillis} from now,
     * or gives up on it. It goes back to the buffer at once: the writer's own pacing holds it back
     * until then.
     */
    protected final void retryOnceFree(E e, String error, long waitMillis, Submission<E> s) {
        retryUnlessOutOfTime(e.failedAgain(error), error, waitMillis, 0, s);
    }

    /** A message that failed once more: retried, unless its attempts or its time are used up. */
    private void retryUnlessOutOfTime(
            E again, String error, long waitMillis, long handBackMillis, Submission<E> s) {
        if (backoff.exhausted(again.failedAttempts)) {
            s.deadLetter(
                    failure(again, DeliveryFailure.RETRIES_EXHAUSTED, error, again.failedAttempts));
        } else if (System.currentTimeMillis() + waitMillis > deadline(again)) {
            pastDeadline(again, "last error: " + error, s);
        } else {
            s.retry(again, handBackMillis);
        }
    }

    /** When the message may be sent last (epoch milliseconds). */
    protected final long deadline(E e) {
        return e.since + deadlineMillis;
    }

    /** Dead-letters a message that cannot be sent before its deadline, saying what held it. */
    protected final void pastDeadline(E e, String why, Submission<E> s) {
        s.deadLetter(
                failure(
                        e,
                        DeliveryFailure.DEADLINE_EXCEEDED,
                        "not sent within the delivery deadline of "
                                + Durations.format(Duration.ofMillis(deadlineMillis))
                                + " ("
                                + DeliveryProperties.RETRY_DEADLINE
                                + "): "
                                + why,
                        e.failedAttempts));
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
