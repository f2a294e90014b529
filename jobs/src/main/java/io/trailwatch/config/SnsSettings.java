package io.trailwatch.config;

import java.io.Serializable;

/** Publishing alerts to Amazon SNS. */
public class SnsSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Takes alerts for owners whose contact is an e-mail address (subscribed to this topic with a
     * filter policy on the {@code team} attribute) and the {@code sns} default destination.
     */
    public String defaultTopicArn;

    /**
     * Publish every SNS delivery to {@link #defaultTopicArn}, whatever topic the owner names: for
     * trying Trailwatch from a laptop against one topic ({@code replay --sns-topic}).
     */
    public boolean everythingToDefaultTopic;

    public SnsMessageFormat format = SnsMessageFormat.JSON;

    /** Region of the SNS client; {@code null}: the region of the topic ARN. */
    public String region;

    /** A local SNS endpoint (e.g. http://127.0.0.1:4566); {@code null}: AWS. */
    public String endpointUrl;

    /** PublishBatch requests in flight per sink subtask. */
    public int maxInFlightRequests = 4;

    public SnsSettings() {}

    public static SnsSettings toTopic(String topicArn) {
        SnsSettings s = new SnsSettings();
        s.defaultTopicArn = topicArn;
        return s;
    }
}
