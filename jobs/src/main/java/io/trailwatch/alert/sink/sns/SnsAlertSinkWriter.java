package io.trailwatch.alert.sink.sns;

import io.trailwatch.alert.sink.DeliverySinkWriter;
import io.trailwatch.alert.sink.Submission;
import io.trailwatch.config.SnsSettings;
import io.trailwatch.model.DeliveryChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
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
final class SnsAlertSinkWriter extends DeliverySinkWriter<SnsPublishEntry> {
    private final SnsClients clients;

    SnsAlertSinkWriter(Setup<SnsPublishEntry> setup, SnsSettings sns) throws IOException {
        super(setup, DeliveryChannel.SNS, "trailwatch-sns-retry");
        this.clients =
                new SnsClients(
                        sns,
                        sns.maxInFlightRequests * 2,
                        Duration.ofMillis(setup.retry().requestTimeoutMillis));
    }

    @Override
    protected void submitRequestEntries(
            List<SnsPublishEntry> entries, ResultHandler<SnsPublishEntry> handler) {
        Submission<SnsPublishEntry> submission = submission(entries, handler);
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
                    refused(e, error, submission);
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
                refused(e, description, submission);
            }
        }
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
    protected void closeClients() {
        clients.close();
    }
}
