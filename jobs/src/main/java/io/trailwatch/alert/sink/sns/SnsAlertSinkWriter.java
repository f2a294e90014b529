package io.trailwatch.alert.sink.sns;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.delivery.DeliveryFailureWriter;
import io.trailwatch.alert.delivery.RetryBackoff;
import io.trailwatch.alert.sink.Submission;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.config.SnsSettings;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryChannel;
import io.trailwatch.model.DeliveryFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

/**
 * Publishes batches with PublishBatch, one request per topic in a batch. PublishBatch answers 200
 * even when entries failed: each failed entry is retried (throttling, server errors) or
 * dead-lettered (refused), and so is each entry of a request that failed as a whole.
 */
final class SnsAlertSinkWriter extends AsyncSinkWriter<AlertDelivery, SnsPublishEntry> {
    private final SnsClients clients;
    private final RetryBackoff backoff;
    private final DeliveryFailureWriter failures;
    private final ScheduledExecutorService scheduler;
    private final Submission.DeliveryMetrics metrics;

    SnsAlertSinkWriter(
            ElementConverter<AlertDelivery, SnsPublishEntry> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<SnsPublishEntry>> state,
            SnsSettings sns,
            RetrySettings retry,
            DeliveryFailureOutput failureOutput)
            throws IOException {
        super(converter, context, configuration, state);
        this.clients =
                new SnsClients(
                        sns,
                        sns.maxInFlightRequests * 2,
                        Duration.ofMillis(retry.requestTimeoutMillis));
        this.backoff = new RetryBackoff(retry);
        this.failures = failureOutput.open();
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "trailwatch-sns-retry");
                            t.setDaemon(true);
                            return t;
                        });
        this.metrics = new Submission.DeliveryMetrics(context.metricGroup());
    }

    @Override
    protected void submitRequestEntries(
            List<SnsPublishEntry> entries, ResultHandler<SnsPublishEntry> handler) {
        Submission<SnsPublishEntry> submission =
                new Submission<>(entries.size(), handler, scheduler, failures, metrics);
        Map<String, List<SnsPublishEntry>> byTopic = new LinkedHashMap<>();
        for (SnsPublishEntry e : entries) {
            if (e.rejection != null) {
                submission.deadLetter(
                        failure(
                                e,
                                e.rejection,
                                "the message exceeds SNS's 256 KiB even with its evidence trimmed",
                                0));
            } else {
                byTopic.computeIfAbsent(e.topicArn, t -> new ArrayList<>()).add(e);
            }
        }
        byTopic.forEach((topic, group) -> publish(topic, group, submission));
    }

    private void publish(
            String topic, List<SnsPublishEntry> group, Submission<SnsPublishEntry> submission) {
        List<PublishBatchRequestEntry> requestEntries = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            requestEntries.add(requestEntry(Integer.toString(i), group.get(i)));
        }
        PublishBatchRequest request =
                PublishBatchRequest.builder()
                        .topicArn(topic)
                        .publishBatchRequestEntries(requestEntries)
                        .build();
        try {
            clients.forTopic(topic)
                    .publishBatch(request)
                    .whenComplete(
                            (response, error) -> {
                                if (error != null) {
                                    failed(group, error, submission);
                                } else {
                                    answered(group, response, submission);
                                }
                            });
        } catch (RuntimeException e) {
            failed(group, e, submission);
        }
    }

    private static PublishBatchRequestEntry requestEntry(String id, SnsPublishEntry e) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        for (int i = 0; i < e.attributeNames.length; i++) {
            attributes.put(
                    e.attributeNames[i],
                    MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(e.attributeValues[i])
                            .build());
        }
        PublishBatchRequestEntry.Builder b =
                PublishBatchRequestEntry.builder()
                        .id(id)
                        .message(e.body)
                        .messageAttributes(attributes);
        if (e.isFifoTopic()) {
            // FIFO topics also drop repeats of an id within 5 minutes: a retried batch, say.
            b.messageGroupId(e.team).messageDeduplicationId(e.alertId);
        } else {
            // SNS refuses subjects on FIFO topics; e-mail subscribers of standard topics see it.
            b.subject(e.subject);
        }
        return b.build();
    }

    private void answered(
            List<SnsPublishEntry> group,
            PublishBatchResponse response,
            Submission<SnsPublishEntry> submission) {
        Set<Integer> published = new HashSet<>();
        for (PublishBatchResultEntry ok : response.successful()) {
            Integer i = index(ok.id(), group.size());
            if (i != null) {
                published.add(i);
            }
        }
        Map<Integer, BatchResultErrorEntry> failed = new HashMap<>();
        for (BatchResultErrorEntry f : response.failed()) {
            Integer i = index(f.id(), group.size());
            if (i != null && !published.contains(i)) {
                failed.putIfAbsent(i, f);
            }
        }
        for (int i = 0; i < group.size(); i++) {
            SnsPublishEntry e = group.get(i);
            BatchResultErrorEntry f = failed.get(i);
            if (published.contains(i)) {
                submission.delivered();
            } else if (f == null) {
                retryOrGiveUp(e, "PublishBatch answered nothing for this entry", submission);
            } else {
                String error = "PublishBatch entry failed: " + f.code() + ": " + f.message();
                if (SnsErrors.isTransient(f.code(), f.senderFault())) {
                    retryOrGiveUp(e, error, submission);
                } else {
                    submission.deadLetter(
                            failure(e, DeliveryFailure.REJECTED, error, e.failedAttempts + 1));
                }
            }
        }
    }

    /** The entry an answer's id names; ids are positions in the request. */
    private static Integer index(String id, int size) {
        try {
            int i = Integer.parseInt(id);
            return i >= 0 && i < size ? i : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void failed(
            List<SnsPublishEntry> group, Throwable error, Submission<SnsPublishEntry> submission) {
        String description = SnsErrors.describe(error);
        boolean transientError = SnsErrors.isTransient(error);
        for (SnsPublishEntry e : group) {
            if (transientError) {
                retryOrGiveUp(e, description, submission);
            } else {
                submission.deadLetter(
                        failure(e, DeliveryFailure.REJECTED, description, e.failedAttempts + 1));
            }
        }
    }

    private void retryOrGiveUp(
            SnsPublishEntry e, String error, Submission<SnsPublishEntry> submission) {
        SnsPublishEntry again = e.failedAgain(error);
        if (backoff.exhausted(again.failedAttempts)) {
            submission.deadLetter(
                    failure(again, DeliveryFailure.RETRIES_EXHAUSTED, error, again.failedAttempts));
        } else {
            submission.retry(again, backoff.delayMillis(again.failedAttempts));
        }
    }

    private static DeliveryFailure failure(
            SnsPublishEntry e, String reason, String error, int attempts) {
        return new DeliveryFailure(
                e.alertId,
                e.ruleId,
                DeliveryChannel.SNS.id(),
                e.topicArn,
                reason,
                error,
                attempts,
                System.currentTimeMillis(),
                e.alert());
    }

    @Override
    protected long getSizeInBytes(SnsPublishEntry entry) {
        return entry.sizeInBytes();
    }

    /**
     * Before a checkpoint, send what is buffered and wait for every answer (retries included): the
     * checkpoint then stands for alerts published or dead-lettered, not merely buffered.
     */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        super.flush(true);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        clients.close();
        try {
            failures.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
