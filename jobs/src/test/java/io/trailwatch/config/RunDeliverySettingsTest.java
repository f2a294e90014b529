package io.trailwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming job's Delivery group: SNS and Slack settings read as the other groups are. */
class RunDeliverySettingsTest {
    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts";
    static final String SECRET =
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:trailwatch/slack-AbCdEf";

    @TempDir Path dir;

    @Test
    void theServiceJsonShapeConfiguresSnsAndSlack() throws Exception {
        Path file = dir.resolve("app.json");
        Files.writeString(
                file,
                "[{\"PropertyGroupId\": \"Input\", \"PropertyMap\": {\"cloudtrail.stream\": \"ct\"}},"
                        + " {\"PropertyGroupId\": \"Ownership\", \"PropertyMap\":"
                        + " {\"table.location\": \"s3://config/ownership.csv\"}},"
                        + " {\"PropertyGroupId\": \"Delivery\", \"PropertyMap\": {"
                        + "\"sns.default-topic-arn\": \""
                        + TOPIC
                        + "\", \"sns.format\": \"chatbot\","
                        + " \"slack.webhook.default\": \"secretsmanager:"
                        + SECRET
                        + "\", \"slack.webhook.#payments-alerts\":"
                        + " \"https://hooks.slack.com/services/T0/B0/t0k3n\","
                        + " \"escalate-at\": \"critical\", \"retry.max-attempts\": \"5\","
                        + " \"retry.base-delay\": \"1s\", \"retry.max-delay\": \"2m\"}}]");

        DeliverySettings d = RunSettings.from(PropertyGroups.fromFile(file)).delivery;

        assertThat(d.enabled()).isTrue();
        assertThat(d.sns.defaultTopicArn).isEqualTo(TOPIC);
        assertThat(d.sns.format).isEqualTo(SnsMessageFormat.CHATBOT);
        assertThat(d.sns.everythingToDefaultTopic).isFalse();
        assertThat(d.slack.webhook(SlackWebhook.ANY_CHANNEL).secretId).isEqualTo(SECRET);
        assertThat(d.slack.webhook(SlackWebhook.ANY_CHANNEL).url).isNull();
        assertThat(d.slack.webhook("#payments-alerts").url)
                .isEqualTo("https://hooks.slack.com/services/T0/B0/t0k3n");
        assertThat(d.defaultDestinations).containsExactly("sns", "slack");
        assertThat(d.escalationSeverity).isEqualTo(Severity.CRITICAL);
        assertThat(d.retry.maxAttempts).isEqualTo(5);
        assertThat(d.retry.baseDelayMillis).isEqualTo(1000);
        assertThat(d.retry.maxDelayMillis).isEqualTo(120_000);
    }

    @Test
    void thePropertiesShapeReadsTheSameSettings() throws Exception {
        Path file = dir.resolve("app.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "Input.flow.stream = flows",
                        "Ownership.table.location = /etc/trailwatch/ownership.csv",
                        "Delivery.slack.webhook.#secops = secretsmanager:trailwatch/slack/secops",
                        "Delivery.slack.secrets-region = eu-central-1",
                        "Delivery.slack.min-interval = 2s",
                        "Delivery.defaults = slack:#secops",
                        // Blank, as a template leaves an optional value: unset.
                        "Delivery.slack.webhook.default = "));

        DeliverySettings d = RunSettings.from(PropertyGroups.fromFile(file)).delivery;

        assertThat(d.sns).isNull();
        assertThat(d.slack.webhooks).hasSize(1);
        assertThat(d.slack.webhook("#secops").secretId).isEqualTo("trailwatch/slack/secops");
        assertThat(d.slack.secretsRegion).isEqualTo("eu-central-1");
        assertThat(d.slack.minIntervalMillis).isEqualTo(2000);
        assertThat(d.defaultDestinations).containsExactly("slack:#secops");
    }

    @Test
    void withoutADeliveryGroupNothingIsDelivered() throws Exception {
        RunSettings s = RunSettings.from(minimal());
        assertThat(s.delivery.enabled()).isFalse();
    }

    @Test
    void problemsNameGroupAndKeyAndNeverRepeatAWebhook() {
        Map<String, Properties> groups = minimal();
        put(groups, "sns.default-topic-arn", "trailwatch-alerts");
        put(groups, "sns.format", "xml");
        put(groups, "slack.webhook.default", "hooks.slack.com/services/T0/B0/s3cr3t");
        put(groups, "slack.webhook.payments", "secretsmanager:trailwatch/slack/payments");
        put(groups, "retry.max-attempts", "0");
        put(groups, "retry.request-timeout", "soon");
        put(groups, "escalate-at", "URGENT");
        put(groups, "sns.topic", TOPIC);

        assertThatThrownBy(() -> RunSettings.from(groups))
                .isInstanceOf(SettingsException.class)
                .hasMessageNotContaining("s3cr3t")
                .satisfies(
                        e ->
                                assertThat(((SettingsException) e).problems())
                                        .contains(
                                                "Delivery.sns.default-topic-arn 'trailwatch-alerts'"
                                                        + " is not an SNS topic ARN"
                                                        + " (arn:aws:sns:region:account:name)",
                                                "Delivery.sns.format 'xml' is not an SNS message"
                                                        + " format (json or chatbot)",
                                                "Delivery.slack.webhook.default is neither an"
                                                        + " http(s) URL nor secretsmanager:<secret id"
                                                        + " or ARN> (the value is not shown: it may be"
                                                        + " a secret)",
                                                "Delivery.slack.webhook.payments does not name a"
                                                        + " channel: write slack.webhook.#channel, or"
                                                        + " slack.webhook.default for the catch-all"
                                                        + " webhook",
                                                "Delivery.retry.max-attempts '0' is not a positive"
                                                        + " whole number",
                                                "Delivery.escalate-at 'URGENT' is not a severity"
                                                        + " (CRITICAL, HIGH, MEDIUM, LOW, INFO)")
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "Delivery.retry.request-timeout 'soon'"
                                                                        + " is not a duration"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "unknown key 'sns.topic' in group"
                                                                        + " Delivery"))
                                        // Reported once, as unknown, not also as a bad value.
                                        .filteredOn(p -> p.contains("sns.topic"))
                                        .hasSize(1));
    }

    @Test
    void aGroupThatDeliversNothingIsRefused() {
        Map<String, Properties> groups = minimal();
        put(groups, "escalate-at", "CRITICAL");
        assertThatThrownBy(() -> RunSettings.from(groups))
                .hasMessageContaining("Delivery group: neither Delivery.sns.default-topic-arn")
                .hasMessageContaining("so nothing would be delivered");

        Map<String, Properties> ineffective = minimal();
        put(ineffective, "slack.webhook.default", "secretsmanager:trailwatch/slack");
        put(ineffective, "sns.region", "eu-west-1");
        assertThatThrownBy(() -> RunSettings.from(ineffective))
                .hasMessageContaining(
                        "Delivery.sns.region has no effect without sns.default-topic-arn or"
                                + " sns.format");
    }

    @Test
    void deliveryAloneIsEnoughOfAnOutput() throws Exception {
        Map<String, Properties> groups = minimal();
        groups.computeIfAbsent(RunSettings.OUTPUT, g -> new Properties())
                .setProperty("alerts.log", "false");
        assertThatThrownBy(() -> RunSettings.from(groups))
                .hasMessageContaining("alerts would go nowhere");

        put(groups, "sns.default-topic-arn", TOPIC);
        assertThat(RunSettings.from(groups).delivery.sns.defaultTopicArn).isEqualTo(TOPIC);
    }

    /** The README and the start-up messages show these defaults: they must be the real ones. */
    @Test
    void documentedDefaultsAreTheDefaults() throws Exception {
        Map<String, Properties> groups = minimal();
        put(groups, "sns.default-topic-arn", TOPIC);
        put(groups, "slack.webhook.default", "secretsmanager:trailwatch/slack");
        DeliverySettings d = RunSettings.from(groups).delivery;

        assertThat(d.sns.format.name()).isEqualToIgnoringCase(RunSettings.SNS_FORMAT.defaultValue);
        assertThat(d.sns.maxInFlightRequests)
                .isEqualTo(Integer.parseInt(RunSettings.SNS_MAX_IN_FLIGHT.defaultValue));
        assertThat(d.slack.minIntervalMillis).isEqualTo(millis(RunSettings.SLACK_MIN_INTERVAL));
        assertThat(d.escalationSeverity.name()).isEqualTo(RunSettings.ESCALATE_AT.defaultValue);
        assertThat(d.retry.maxAttempts)
                .isEqualTo(Integer.parseInt(RunSettings.RETRY_MAX_ATTEMPTS.defaultValue));
        assertThat(d.retry.baseDelayMillis).isEqualTo(millis(RunSettings.RETRY_BASE_DELAY));
        assertThat(d.retry.maxDelayMillis).isEqualTo(millis(RunSettings.RETRY_MAX_DELAY));
        assertThat(d.retry.requestTimeoutMillis)
                .isEqualTo(millis(RunSettings.RETRY_REQUEST_TIMEOUT));
        assertThat(d.retry.maxRetryAfterMillis)
                .isEqualTo(millis(RunSettings.RETRY_MAX_RETRY_AFTER));
        assertThat(d.retry.deadlineMillis).isEqualTo(millis(RunSettings.RETRY_DEADLINE));
        assertThat(d.defaultDestinations).containsExactly("sns", "slack");
    }

    @Test
    void everyDeliveryKeyIsKnownAndChannelWebhooksAreAFamily() {
        assertThat(RunSettings.groups().get(RunSettings.DELIVERY))
                .contains(
                        "sns.default-topic-arn",
                        "sns.format",
                        "slack.webhook.default",
                        "slack.webhook.#channel",
                        "defaults",
                        "escalate-at",
                        "retry.max-attempts");
        assertThat(RunSettings.accepts("Delivery", "slack.webhook.#payments-alerts")).isTrue();
        assertThat(RunSettings.accepts("Delivery", "slack.webhook.")).isFalse();
        assertThat(RunSettings.accepts("Delivery", "slack.webhooks.#payments")).isFalse();
        assertThat(RunSettings.accepts("Output", "slack.webhook.#payments")).isFalse();
        for (String key :
                List.of(
                        "sns.format",
                        "retry.request-timeout",
                        "retry.max-retry-after",
                        "retry.deadline")) {
            assertThat(RunSettings.accepts("Delivery", key)).as(key).isTrue();
        }
    }

    @Test
    void theReadmeExampleIsAValidGroup() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("{\"PropertyGroupId\": \"Delivery\"");
        int end = readme.indexOf("```", start);
        assertThat(start).as("the README's Delivery example").isPositive();
        Map<String, Properties> groups = minimal();
        groups.putAll(PropertyGroups.fromJson("[" + readme.substring(start, end) + "]", "README"));

        DeliverySettings d = RunSettings.from(groups).delivery;

        assertThat(d.sns.format).isEqualTo(SnsMessageFormat.CHATBOT);
        assertThat(d.slack.webhook("#payments-alerts").secretId)
                .isEqualTo("trailwatch/slack/payments");
    }

    private static long millis(Setting s) {
        Duration d = Durations.parse(s.defaultValue);
        return d.toMillis();
    }

    private static Map<String, Properties> minimal() {
        Map<String, Properties> groups = new TreeMap<>();
        groups.computeIfAbsent("Input", g -> new Properties()).setProperty("flow.stream", "flows");
        groups.computeIfAbsent("Ownership", g -> new Properties())
                .setProperty("table.location", "/tmp/ownership.csv");
        return groups;
    }

    private static void put(Map<String, Properties> groups, String key, String value) {
        groups.computeIfAbsent(RunSettings.DELIVERY, g -> new Properties()).setProperty(key, value);
    }
}
