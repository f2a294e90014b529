package io.trailwatch.model;

/**
 * One alert bound for one destination, as decided by routing. An alert with three destinations
 * becomes three deliveries.
 */
public class AlertDelivery {
    public Alert alert;
    public DeliveryChannel channel;

    /**
     * For SNS the topic ARN. For Slack the key of the configured webhook that serves the channel
     * (the channel name, or {@code *} for the catch-all webhook) — never the webhook URL, which is
     * a secret and stays out of records and state.
     */
    public String target;

    /** The Slack channel or address the message is meant for, shown in the message. */
    public String recipient;

    /**
     * Why the alert goes here: {@code owner} (the owner's contact), {@code unowned}, {@code
     * severity} (at or above the escalation severity) or {@code fallback} (the owner's contact
     * cannot be served by any configured destination).
     */
    public String reason;

    public AlertDelivery() {}

    public AlertDelivery(
            Alert alert, DeliveryChannel channel, String target, String recipient, String reason) {
        this.alert = alert;
        this.channel = channel;
        this.target = target;
        this.recipient = recipient;
        this.reason = reason;
    }

    @Override
    public String toString() {
        return alert.alertId + " -> " + channel.id() + " " + recipient + " (" + reason + ")";
    }
}
