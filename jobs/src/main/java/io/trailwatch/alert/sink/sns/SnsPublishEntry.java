package io.trailwatch.alert.sink.sns;

import io.trailwatch.alert.format.SnsMessage;
import io.trailwatch.alert.sink.DeliveryEntry;

/**
 * One message waiting to be published: what goes into a PublishBatch entry, the alert it comes from
 * (for the dead letters) and how often publishing it failed so far.
 */
public final class SnsPublishEntry extends DeliveryEntry<SnsPublishEntry> {
    private static final long serialVersionUID = 1L;

    public final String topicArn;

    /** Team of the alert's owner: the message group of a FIFO topic. */
    public final String team;

    public final String body;
    public final String subject;
    public final String[] attributeNames;
    public final String[] attributeValues;

    /** The untrimmed alert JSON, or {@code null} when it is {@link #body}. */
    public final String alertJson;

    /** Set when the message cannot be published at all (too large even when trimmed). */
    public final String rejection;

    public SnsPublishEntry(
            String topicArn,
            String alertId,
            String ruleId,
            String team,
            String body,
            String subject,
            String[] attributeNames,
            String[] attributeValues,
            String alertJson,
            String rejection,
            long since,
            int failedAttempts,
            String lastError) {
        super(alertId, ruleId, since, failedAttempts, lastError);
        this.topicArn = topicArn;
        this.team = team;
        this.body = body;
        this.subject = subject;
        this.attributeNames = attributeNames;
        this.attributeValues = attributeValues;
        this.alertJson = alertJson;
        this.rejection = rejection;
    }

    @Override
    public String destination() {
        return topicArn;
    }

    @Override
    public SnsPublishEntry failedAgain(String error) {
        return new SnsPublishEntry(
                topicArn,
                alertId,
                ruleId,
                team,
                body,
                subject,
                attributeNames,
                attributeValues,
                alertJson,
                rejection,
                since,
                failedAttempts + 1,
                error);
    }

    @Override
    public String alert() {
        return alertJson != null ? alertJson : body;
    }

    /** What SNS counts against its limits. */
    @Override
    public long sizeInBytes() {
        return rejection != null
                ? 1
                : SnsMessage.sizeInBytes(body, attributeNames, attributeValues);
    }

    public boolean isFifoTopic() {
        return topicArn.endsWith(".fifo");
    }
}
