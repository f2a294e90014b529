package io.trailwatch.alert.sink.slack;

import io.trailwatch.alert.sink.DeliveryEntry;
import java.nio.charset.StandardCharsets;

/**
 * One Slack message waiting to be posted: the webhook key (never its URL), the Block Kit JSON, the
 * alert it comes from (for dead letters) and how often posting failed so far.
 */
public final class SlackMessageEntry extends DeliveryEntry<SlackMessageEntry> {
    private static final long serialVersionUID = 1L;

    /** The configured webhook's key: its channel, or {@code *}. */
    public final String webhook;

    /** The channel the message is meant for. */
    public final String recipient;

    public final String body;
    public final String alertJson;

    public SlackMessageEntry(
            String webhook,
            String recipient,
            String alertId,
            String ruleId,
            String body,
            String alertJson,
            long since,
            int failedAttempts,
            String lastError) {
        super(alertId, ruleId, since, failedAttempts, lastError);
        this.webhook = webhook;
        this.recipient = recipient;
        this.body = body;
        this.alertJson = alertJson;
    }

    @Override
    public String alert() {
        return alertJson;
    }

    @Override
    public SlackMessageEntry failedAgain(String error) {
        return new SlackMessageEntry(
                webhook,
                recipient,
                alertId,
                ruleId,
                body,
                alertJson,
                since,
                failedAttempts + 1,
                error);
    }

    @Override
    public long sizeInBytes() {
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    /** How the destination appears in dead letters and logs: channel and webhook key. */
    @Override
    public String destination() {
        return recipient.equals(webhook) ? recipient : recipient + " via webhook " + webhook;
    }
}
