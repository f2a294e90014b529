package io.trailwatch.config;

import java.util.Locale;

/** The body of the SNS messages Trailwatch publishes. */
public enum SnsMessageFormat {
    /** The alert JSON of {@code schemas/alert.schema.json}. */
    JSON,
    /**
     * An AWS Chatbot (Amazon Q Developer in chat applications) custom notification, so that a topic
     * subscribed by Chatbot shows the alert in Slack or Teams without a Lambda in between.
     */
    CHATBOT;

    public static SnsMessageFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not an SNS message format (json or chatbot)");
        }
    }
}
