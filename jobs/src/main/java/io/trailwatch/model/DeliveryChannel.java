package io.trailwatch.model;

/** Where alerts can be delivered. */
public enum DeliveryChannel {
    /** An Amazon SNS topic (owners' topics, e-mail through the default topic, AWS Chatbot). */
    SNS("sns"),
    /** A Slack incoming webhook. */
    SLACK("slack");

    private final String id;

    DeliveryChannel(String id) {
        this.id = id;
    }

    /** The lower-case name used in configuration, counters and dead letters. */
    public String id() {
        return id;
    }
}
