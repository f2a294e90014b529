package io.trailwatch.config;

import io.trailwatch.model.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where alerts go besides the JSON-lines output: SNS, Slack, or both; and which alerts also go to
 * the default destinations.
 */
public class DeliverySettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Default destination: the default SNS topic. */
    public static final String DEFAULT_SNS = "sns";

    /** Default destination: the catch-all Slack webhook. */
    public static final String DEFAULT_SLACK = "slack";

    /** {@code null}: no SNS delivery. */
    public SnsSettings sns;

    /** {@code null}: no Slack delivery. */
    public SlackSettings slack;

    /**
     * Where unowned alerts, alerts at or above {@link #escalationSeverity}, and alerts whose
     * owner's contact no configured destination serves, go: each {@code sns} (the default topic),
     * {@code sns:<topic ARN>}, {@code slack} (the catch-all webhook) or {@code slack:#channel}.
     */
    public String[] defaultDestinations = new String[0];

    public Severity escalationSeverity = Severity.HIGH;

    public RetrySettings retry = RetrySettings.defaults();

    public DeliverySettings() {}

    public static DeliverySettings none() {
        return new DeliverySettings();
    }

    public boolean enabled() {
        return sns != null || slack != null;
    }

    /**
     * Reads a property group (Managed Service for Apache Flink runtime properties, or a properties
     * file), keys without a group prefix:
     *
     * <pre>
     * sns.default-topic-arn   arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts
     * sns.format              json | chatbot
     * sns.region, sns.endpoint-url, sns.max-in-flight
     * slack.webhook.#channel  https://hooks… | secretsmanager:&lt;secret id or ARN&gt;
     * slack.webhook.default   the catch-all webhook (also slack.webhook.*)
     * slack.secrets-region, slack.secrets-endpoint-url, slack.min-interval (e.g. 1s)
     * defaults                sns, slack:#secops
     * escalate-at             HIGH
     * retry.max-attempts, retry.base-delay, retry.max-delay, retry.request-timeout
     * </pre>
     *
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static DeliverySettings fromProperties(Map<String, String> group) {
        Map<String, String> p = new TreeMap<>();
        group.forEach((k, v) -> p.put(k.trim(), v == null ? "" : v.trim()));
        DeliverySettings s = new DeliverySettings();
        String topic = p.get("sns.default-topic-arn");
        if (topic != null || p.containsKey("sns.format")) {
            s.sns = SnsSettings.toTopic(topic);
            if (p.containsKey("sns.format")) {
                s.sns.format = SnsMessageFormat.parse(p.get("sns.format"));
            }
            s.sns.region = p.get("sns.region");
            s.sns.endpointUrl = p.get("sns.endpoint-url");
            if (p.containsKey("sns.max-in-flight")) {
                s.sns.maxInFlightRequests = positive(p, "sns.max-in-flight");
            }
        }
        List<SlackWebhook> webhooks = new ArrayList<>();
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (e.getKey().startsWith("slack.webhook.")) {
                String channel = e.getKey().substring("slack.webhook.".length());
                if (channel.equals("default")) {
                    channel = SlackWebhook.ANY_CHANNEL;
                }
                if (!channel.equals(SlackWebhook.ANY_CHANNEL) && !channel.startsWith("#")) {
                    throw new IllegalArgumentException(
                            e.getKey() + ": name a channel as #name, or 'default'");
                }
                String value = e.getValue();
                webhooks.add(
                        value.startsWith("secretsmanager:")
                                ? SlackWebhook.fromSecret(
                                        channel, value.substring("secretsmanager:".length()))
                                : SlackWebhook.withUrl(channel, value));
            }
        }
        if (!webhooks.isEmpty()) {
            s.slack = SlackSettings.withWebhooks(webhooks.toArray(new SlackWebhook[0]));
            s.slack.secretsRegion = p.get("slack.secrets-region");
            s.slack.secretsEndpointUrl = p.get("slack.secrets-endpoint-url");
            if (p.containsKey("slack.min-interval")) {
                s.slack.minIntervalMillis = Durations.parse(p.get("slack.min-interval")).toMillis();
            }
        }
        if (p.containsKey("defaults")) {
            List<String> defaults = new ArrayList<>();
            for (String d : p.get("defaults").split("[,\\s]+")) {
                if (!d.isEmpty()) {
                    defaults.add(d);
                }
            }
            s.defaultDestinations = defaults.toArray(new String[0]);
        }
        if (p.containsKey("escalate-at")) {
            try {
                s.escalationSeverity =
                        Severity.valueOf(p.get("escalate-at").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "escalate-at: '" + p.get("escalate-at") + "' is not a severity");
            }
        }
        if (p.containsKey("retry.max-attempts")) {
            s.retry.maxAttempts = positive(p, "retry.max-attempts");
        }
        if (p.containsKey("retry.base-delay")) {
            s.retry.baseDelayMillis = Durations.parse(p.get("retry.base-delay")).toMillis();
        }
        if (p.containsKey("retry.max-delay")) {
            s.retry.maxDelayMillis = Durations.parse(p.get("retry.max-delay")).toMillis();
        }
        if (p.containsKey("retry.request-timeout")) {
            s.retry.requestTimeoutMillis =
                    Durations.parse(p.get("retry.request-timeout")).toMillis();
        }
        s.validate();
        return s;
    }

    /**
     * @throws IllegalArgumentException when the settings contradict each other
     */
    public void validate() {
        retry.validate();
        if (sns != null && sns.everythingToDefaultTopic && sns.defaultTopicArn == null) {
            throw new IllegalArgumentException(
                    "SNS: every alert to the default topic, but none set");
        }
        if (sns != null && sns.defaultTopicArn != null && !isTopicArn(sns.defaultTopicArn)) {
            throw new IllegalArgumentException(
                    "'"
                            + sns.defaultTopicArn
                            + "' is not an SNS topic ARN (arn:aws:sns:region:account:name)");
        }
        for (String d : defaultDestinations) {
            if (!servable(d)) {
                throw new IllegalArgumentException(
                        "default destination '"
                                + d
                                + "' is not one of: sns (needs sns.default-topic-arn), sns:<topic ARN>,"
                                + " slack (needs the default webhook), slack:#channel (needs a webhook"
                                + " for it or the default one)");
            }
        }
    }

    private boolean servable(String destination) {
        if (destination.equals(DEFAULT_SNS)) {
            return sns != null && sns.defaultTopicArn != null;
        }
        if (destination.startsWith(DEFAULT_SNS + ":")) {
            return sns != null && isTopicArn(destination.substring(DEFAULT_SNS.length() + 1));
        }
        if (destination.equals(DEFAULT_SLACK)) {
            return slack != null && slack.webhook(SlackWebhook.ANY_CHANNEL) != null;
        }
        if (destination.startsWith(DEFAULT_SLACK + ":#")) {
            return slack != null
                    && slack.webhookKeyFor(destination.substring(DEFAULT_SLACK.length() + 1))
                            != null;
        }
        return false;
    }

    public static boolean isTopicArn(String value) {
        return value != null
                && value.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}");
    }

    private static int positive(Map<String, String> p, String key) {
        try {
            int n = Integer.parseInt(p.get(key));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": '" + p.get(key) + "' is not a positive number");
    }
}
