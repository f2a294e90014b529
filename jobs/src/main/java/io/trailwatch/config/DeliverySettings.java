package io.trailwatch.config;

import io.trailwatch.model.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     * file), keys without a group prefix ({@link DeliveryProperties} names them):
     *
     * <pre>
     * sns.default-topic-arn   arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts
     * sns.format              json | chatbot
     * sns.region, sns.endpoint-url, sns.max-in-flight
     * slack.webhook.#channel  https://hooks… | secretsmanager:&lt;secret id or ARN&gt;
     * slack.webhook.default   the catch-all webhook
     * slack.secrets-region, slack.secrets-endpoint-url, slack.min-interval (e.g. 1s)
     * defaults                sns, slack:#secops | none (default: sns and slack, those configured)
     * escalate-at             HIGH
     * retry.max-attempts, retry.base-delay, retry.max-delay, retry.request-timeout
     * retry.max-retry-after   1m (longest Retry-After waited for)
     * retry.deadline          10m (after it, an alert not yet sent is a dead letter)
     * </pre>
     *
     * @throws IllegalArgumentException naming every key with a problem (never a webhook URL)
     */
    public static DeliverySettings fromProperties(Map<String, String> group) {
        List<String> problems = new ArrayList<>();
        DeliverySettings s =
                DeliveryProperties.read(group, (key, what) -> problems.add(key + " " + what));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
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

    boolean servable(String destination) {
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

    /** For the start-up log: destinations and routing, never a webhook URL. */
    @Override
    public String toString() {
        if (!enabled()) {
            return "no SNS or Slack delivery";
        }
        List<String> parts = new ArrayList<>();
        if (sns != null) {
            parts.add(
                    "SNS to "
                            + (sns.defaultTopicArn != null
                                    ? sns.defaultTopicArn
                                    : "owners' own topics only")
                            + " as "
                            + sns.format.name().toLowerCase(Locale.ROOT));
        }
        if (slack != null) {
            List<String> hooks = new ArrayList<>();
            for (SlackWebhook w : slack.webhooks) {
                hooks.add(w.toString());
            }
            parts.add(String.join(", ", hooks));
        }
        parts.add(
                "defaults "
                        + (defaultDestinations.length == 0
                                ? "none"
                                : String.join(", ", defaultDestinations))
                        + ", escalating from "
                        + escalationSeverity);
        return String.join("; ", parts);
    }

    public static boolean isTopicArn(String value) {
        return value != null
                && value.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}");
    }
}
