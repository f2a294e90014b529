package io.trailwatch.model;

/**
 * An alert that could not be delivered to one destination: the dead letter of delivery. It holds
 * the complete alert, so that it can be re-sent once the cause is fixed; it never holds a webhook
 * URL.
 */
public class DeliveryFailure {
    /** No destination is configured that could take the alert. */
    public static final String NO_ROUTE = "no-route";

    /** The destination refused the message and repeating it would not help (4xx, bad topic). */
    public static final String REJECTED = "rejected";

    /** Transient failures (throttling, 5xx, network) outlasted every retry. */
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";

    /**
     * The delivery deadline passed before the alert could be sent: a long {@code Retry-After}, or
     * retries and waiting that outlasted it.
     */
    public static final String DEADLINE_EXCEEDED = "deadline-exceeded";

    /** Even with its evidence trimmed the message exceeds the destination's size limit. */
    public static final String TOO_LARGE = "too-large";

    /** The webhook URL could not be obtained (no webhook for the channel, unreadable secret). */
    public static final String NOT_CONFIGURED = "not-configured";

    public String alertId;
    public String ruleId;

    /** {@code sns}, {@code slack}, or {@code route} when routing found no destination. */
    public String channel;

    /** Topic ARN, or Slack channel and webhook key; never a webhook URL. */
    public String destination;

    /** One of the constants above. */
    public String reason;

    /** The last error, as the destination reported it. */
    public String error;

    public int attempts;

    /** Wall-clock time it was dead-lettered, epoch milliseconds. */
    public long at;

    /** The alert as JSON (schemas/alert.schema.json), untrimmed. */
    public String alert;

    public DeliveryFailure() {}

    public DeliveryFailure(
            String alertId,
            String ruleId,
            String channel,
            String destination,
            String reason,
            String error,
            int attempts,
            long at,
            String alert) {
        this.alertId = alertId;
        this.ruleId = ruleId;
        this.channel = channel;
        this.destination = destination;
        this.reason = reason;
        this.error = error;
        this.attempts = attempts;
        this.at = at;
        this.alert = alert;
    }

    @Override
    public String toString() {
        return "alert "
                + alertId
                + " not delivered to "
                + channel
                + " "
                + destination
                + " ["
                + reason
                + ", "
                + attempts
                + " attempts]: "
                + error;
    }
}
