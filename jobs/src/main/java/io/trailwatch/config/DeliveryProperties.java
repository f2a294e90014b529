package io.trailwatch.config;

import io.trailwatch.model.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a delivery property group — keys without a group prefix, as in the streaming job's {@code
 * Delivery} group — into {@link DeliverySettings}. Every problem is reported with its key, all of
 * them rather than the first, so that one failed start is enough to fix the group. A Slack webhook
 * URL is a secret: no problem repeats a webhook value.
 */
public final class DeliveryProperties {
    public static final String SNS_TOPIC = "sns.default-topic-arn";
    public static final String SNS_FORMAT = "sns.format";
    public static final String SNS_REGION = "sns.region";
    public static final String SNS_ENDPOINT = "sns.endpoint-url";
    public static final String SNS_MAX_IN_FLIGHT = "sns.max-in-flight";

    /** Followed by {@code #channel} or {@code default}: one key per webhook. */
    public static final String SLACK_WEBHOOK = "slack.webhook.";

    public static final String SLACK_DEFAULT_WEBHOOK = SLACK_WEBHOOK + "default";
    public static final String SLACK_MIN_INTERVAL = "slack.min-interval";
    public static final String SLACK_SECRETS_REGION = "slack.secrets-region";
    public static final String SLACK_SECRETS_ENDPOINT = "slack.secrets-endpoint-url";
    public static final String DEFAULTS = "defaults";
    public static final String ESCALATE_AT = "escalate-at";
    public static final String RETRY_MAX_ATTEMPTS = "retry.max-attempts";
    public static final String RETRY_BASE_DELAY = "retry.base-delay";
    public static final String RETRY_MAX_DELAY = "retry.max-delay";
    public static final String RETRY_REQUEST_TIMEOUT = "retry.request-timeout";
    public static final String RETRY_MAX_RETRY_AFTER = "retry.max-retry-after";
    public static final String RETRY_DEADLINE = "retry.deadline";

    /** A webhook value that names an AWS Secrets Manager secret instead of being the URL. */
    public static final String SECRET_PREFIX = "secretsmanager:";

    /** The value of {@link #DEFAULTS} that turns the default destinations off. */
    public static final String NO_DEFAULTS = "none";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    /** Receives each problem: the key, and what is wrong with it (to follow the key). */
    @FunctionalInterface
    public interface Problems {
        void report(String key, String what);
    }

    private final Map<String, String> p = new TreeMap<>();
    private final Problems problems;

    private DeliveryProperties(Map<String, String> group, Problems problems) {
        // A blank value is an unset one, as everywhere in the runtime properties.
        group.forEach(
                (k, v) -> {
                    if (v != null && !v.isBlank()) {
                        p.put(k.trim(), v.trim());
                    }
                });
        this.problems = problems;
    }

    /**
     * The settings of {@code group}; each problem goes to {@code problems}, and the settings are
     * usable only when there was none.
     */
    public static DeliverySettings read(Map<String, String> group, Problems problems) {
        return new DeliveryProperties(group, problems).read();
    }

    private DeliverySettings read() {
        DeliverySettings s = new DeliverySettings();
        s.sns = sns();
        s.slack = slack();
        s.defaultDestinations = defaults(s);
        if (p.containsKey(ESCALATE_AT)) {
            s.escalationSeverity = severity(ESCALATE_AT);
        }
        s.retry = retry();
        return s;
    }

    /**
     * A default topic, or just a format (then only owners whose contact is a topic ARN get SNS
     * messages), turns SNS on.
     */
    private SnsSettings sns() {
        if (!p.containsKey(SNS_TOPIC) && !p.containsKey(SNS_FORMAT)) {
            ineffective("sns.", "without " + SNS_TOPIC + " or " + SNS_FORMAT);
            return null;
        }
        String topic = p.get(SNS_TOPIC);
        if (topic != null && !DeliverySettings.isTopicArn(topic)) {
            problem(
                    SNS_TOPIC,
                    "'" + topic + "' is not an SNS topic ARN (arn:aws:sns:region:account:name)");
            topic = null;
        }
        SnsSettings sns = SnsSettings.toTopic(topic);
        if (p.containsKey(SNS_FORMAT)) {
            try {
                sns.format = SnsMessageFormat.parse(p.get(SNS_FORMAT));
            } catch (IllegalArgumentException e) {
                problem(SNS_FORMAT, e.getMessage());
            }
        }
        sns.region = region(SNS_REGION);
        sns.endpointUrl = url(SNS_ENDPOINT);
        if (p.containsKey(SNS_MAX_IN_FLIGHT)) {
            sns.maxInFlightRequests = positive(SNS_MAX_IN_FLIGHT, sns.maxInFlightRequests);
        }
        return sns;
    }

    private SlackSettings slack() {
        List<SlackWebhook> webhooks = new ArrayList<>();
        Set<String> channels = new HashSet<>();
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (!e.getKey().startsWith(SLACK_WEBHOOK)) {
                continue;
            }
            String key = e.getKey();
            String channel = channel(key);
            if (channel == null) {
                continue;
            }
            if (!channels.add(channel.toLowerCase(Locale.ROOT))) {
                problem(key, "is a second webhook for the same channel");
                continue;
            }
            SlackWebhook webhook = webhook(key, channel, e.getValue());
            if (webhook != null) {
                webhooks.add(webhook);
            }
        }
        if (webhooks.isEmpty()) {
            ineffective("slack.", "without a " + SLACK_WEBHOOK + "* webhook");
            return null;
        }
        SlackSettings slack = SlackSettings.withWebhooks(webhooks.toArray(new SlackWebhook[0]));
        slack.secretsRegion = region(SLACK_SECRETS_REGION);
        slack.secretsEndpointUrl = url(SLACK_SECRETS_ENDPOINT);
        if (p.containsKey(SLACK_MIN_INTERVAL)) {
            Duration d = duration(SLACK_MIN_INTERVAL, false);
            if (d != null) {
                slack.minIntervalMillis = d.toMillis();
            }
        }
        return slack;
    }

    /** The channel a webhook key names ({@link SlackWebhook#ANY_CHANNEL} for the default one). */
    private String channel(String key) {
        String channel = key.substring(SLACK_WEBHOOK.length());
        if (channel.equals("default") || channel.equals(SlackWebhook.ANY_CHANNEL)) {
            return SlackWebhook.ANY_CHANNEL;
        }
        if (channel.startsWith("#") && channel.length() > 1) {
            return channel;
        }
        problem(
                key,
                "does not name a channel: write "
                        + SLACK_WEBHOOK
                        + "#channel, or "
                        + SLACK_DEFAULT_WEBHOOK
                        + " for the catch-all webhook");
        return null;
    }

    /** The value is a secret, or names one: problems describe it without repeating it. */
    private SlackWebhook webhook(String key, String channel, String value) {
        if (value.startsWith(SECRET_PREFIX)) {
            String secretId = value.substring(SECRET_PREFIX.length()).trim();
            if (secretId.isEmpty()) {
                problem(key, "names no secret: write " + SECRET_PREFIX + "<secret id or ARN>");
                return null;
            }
            return SlackWebhook.fromSecret(channel, secretId);
        }
        if (!WebhookUrls.looksLikeUrl(value)) {
            problem(
                    key,
                    "is neither an http(s) URL nor "
                            + SECRET_PREFIX
                            + "<secret id or ARN> (the value is not shown: it may be a secret)");
            return null;
        }
        String wrong = WebhookUrls.problem(value);
        if (wrong != null) {
            problem(key, wrong);
            return null;
        }
        return SlackWebhook.withUrl(channel, value);
    }

    /**
     * Unless set, the catch-all destinations that are configured: an unowned or escalated alert
     * then reaches someone rather than only the dead letters.
     */
    private String[] defaults(DeliverySettings s) {
        List<String> defaults = new ArrayList<>();
        String value = p.get(DEFAULTS);
        if (value == null) {
            for (String d : List.of(DeliverySettings.DEFAULT_SNS, DeliverySettings.DEFAULT_SLACK)) {
                if (s.servable(d)) {
                    defaults.add(d);
                }
            }
            return defaults.toArray(new String[0]);
        }
        if (value.equalsIgnoreCase(NO_DEFAULTS)) {
            return new String[0];
        }
        for (String d : value.split("[,\\s]+")) {
            if (d.isEmpty()) {
                continue;
            }
            if (!s.servable(d)) {
                problem(
                        DEFAULTS,
                        "'"
                                + d
                                + "' is not a destination this configuration serves: sns (needs "
                                + SNS_TOPIC
                                + "), sns:<topic ARN>, slack (needs "
                                + SLACK_DEFAULT_WEBHOOK
                                + "), slack:#channel (needs a webhook for it or the default one),"
                                + " or "
                                + NO_DEFAULTS);
            }
            defaults.add(d);
        }
        return defaults.toArray(new String[0]);
    }

    private RetrySettings retry() {
        RetrySettings r = RetrySettings.defaults();
        if (p.containsKey(RETRY_MAX_ATTEMPTS)) {
            r.maxAttempts = positive(RETRY_MAX_ATTEMPTS, r.maxAttempts);
        }
        Duration base = p.containsKey(RETRY_BASE_DELAY) ? duration(RETRY_BASE_DELAY, false) : null;
        if (base != null) {
            r.baseDelayMillis = base.toMillis();
        }
        Duration max = p.containsKey(RETRY_MAX_DELAY) ? duration(RETRY_MAX_DELAY, false) : null;
        if (max != null) {
            r.maxDelayMillis = max.toMillis();
        }
        if (r.maxDelayMillis < r.baseDelayMillis) {
            String maxDelay = Durations.format(Duration.ofMillis(r.maxDelayMillis));
            String baseDelay = Durations.format(Duration.ofMillis(r.baseDelayMillis));
            if (p.containsKey(RETRY_MAX_DELAY)) {
                problem(
                        RETRY_MAX_DELAY,
                        maxDelay + " is below " + RETRY_BASE_DELAY + " " + baseDelay);
            } else {
                problem(
                        RETRY_BASE_DELAY,
                        baseDelay + " is above " + RETRY_MAX_DELAY + " " + maxDelay);
            }
        }
        Duration timeout =
                p.containsKey(RETRY_REQUEST_TIMEOUT) ? duration(RETRY_REQUEST_TIMEOUT, true) : null;
        if (timeout != null) {
            r.requestTimeoutMillis = timeout.toMillis();
        }
        Duration retryAfter =
                p.containsKey(RETRY_MAX_RETRY_AFTER) ? duration(RETRY_MAX_RETRY_AFTER, true) : null;
        if (retryAfter != null) {
            r.maxRetryAfterMillis = retryAfter.toMillis();
        }
        Duration deadline = p.containsKey(RETRY_DEADLINE) ? duration(RETRY_DEADLINE, true) : null;
        if (deadline != null) {
            r.deadlineMillis = deadline.toMillis();
        }
        return r;
    }

    /** Keys of a sink that is off would silently do nothing: say so instead. */
    private void ineffective(String prefix, String why) {
        for (String key : p.keySet()) {
            if (key.startsWith(prefix) && !key.startsWith(SLACK_WEBHOOK)) {
                problem(key, "has no effect " + why);
            }
        }
    }

    private Severity severity(String key) {
        String v = p.get(key);
        try {
            return Severity.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(key, "'" + v + "' is not a severity (CRITICAL, HIGH, MEDIUM, LOW, INFO)");
            return Severity.HIGH;
        }
    }

    private String region(String key) {
        String v = p.get(key);
        if (v != null && !REGION.matcher(v).matches()) {
            problem(key, "'" + v + "' is not an AWS region such as eu-west-1");
            return null;
        }
        return v;
    }

    private String url(String key) {
        String v = p.get(key);
        if (v != null && !isHttpUrl(v)) {
            problem(key, "'" + v + "' is not an http(s) URL");
            return null;
        }
        return v;
    }

    private int positive(String key, int otherwise) {
        String v = p.get(key);
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "'" + v + "' is not a positive whole number");
        return otherwise;
    }

    private Duration duration(String key, boolean positive) {
        try {
            Duration d = Durations.parse(p.get(key));
            if (d.isNegative() || (positive && d.isZero())) {
                problem(
                        key,
                        "must be "
                                + (positive ? "positive" : "zero or more")
                                + ", got "
                                + p.get(key));
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void problem(String key, String what) {
        problems.report(key, what);
    }
}
