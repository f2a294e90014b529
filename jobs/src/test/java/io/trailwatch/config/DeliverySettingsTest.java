package io.trailwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.model.Severity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delivery and de-duplication settings from a runtime property group. */
class DeliverySettingsTest {
    @Test
    void readsEveryKey() {
        DeliverySettings s =
                DeliverySettings.fromProperties(
                        Map.ofEntries(
                                Map.entry(
                                        "sns.default-topic-arn",
                                        "arn:aws:sns:eu-west-1:111122223333:alerts"),
                                Map.entry("sns.format", "chatbot"),
                                Map.entry("sns.max-in-flight", "2"),
                                Map.entry(
                                        "slack.webhook.#secops",
                                        "secretsmanager:trailwatch/slack/secops"),
                                Map.entry(
                                        "slack.webhook.default",
                                        "https://hooks.example/services/T/B/x"),
                                Map.entry("slack.min-interval", "2s"),
                                Map.entry("defaults", "slack:#secops, sns"),
                                Map.entry("escalate-at", "critical"),
                                Map.entry("retry.max-attempts", "5"),
                                Map.entry("retry.base-delay", "1s")));

        assertThat(s.sns.defaultTopicArn).isEqualTo("arn:aws:sns:eu-west-1:111122223333:alerts");
        assertThat(s.sns.format).isEqualTo(SnsMessageFormat.CHATBOT);
        assertThat(s.sns.maxInFlightRequests).isEqualTo(2);
        assertThat(s.slack.webhook("#secops").secretId).isEqualTo("trailwatch/slack/secops");
        assertThat(s.slack.webhook("*").url).isEqualTo("https://hooks.example/services/T/B/x");
        assertThat(s.slack.webhookKeyFor("#other")).isEqualTo("*");
        assertThat(s.slack.minIntervalMillis).isEqualTo(2000);
        assertThat(s.defaultDestinations).containsExactly("slack:#secops", "sns");
        assertThat(s.escalationSeverity).isEqualTo(Severity.CRITICAL);
        assertThat(s.retry.maxAttempts).isEqualTo(5);
        assertThat(s.retry.baseDelayMillis).isEqualTo(1000);
    }

    @Test
    void webhookUrlsNeverShowInDescriptionsOrErrors() {
        SlackWebhook w =
                SlackWebhook.withUrl("#secops", "https://hooks.example/services/T/B/secret");
        assertThat(w.toString()).doesNotContain("secret").doesNotContain("hooks");

        assertThatThrownBy(
                        () ->
                                DeliverySettings.fromProperties(
                                        Map.of(
                                                "slack.webhook.secops",
                                                "https://hooks.example/services/T/B/secret")))
                .hasMessageContaining("slack.webhook.secops")
                .hasMessageNotContaining("hooks.example");
    }

    @Test
    void refusesDefaultsNothingCanServe() {
        assertThatThrownBy(() -> DeliverySettings.fromProperties(Map.of("defaults", "sns")))
                .hasMessageContaining("default destination 'sns'");
        assertThatThrownBy(
                        () ->
                                DeliverySettings.fromProperties(
                                        Map.of(
                                                "slack.webhook.#a",
                                                "https://x/y",
                                                "defaults",
                                                "slack")))
                .hasMessageContaining("default destination 'slack'");
        assertThatThrownBy(
                        () ->
                                DeliverySettings.fromProperties(
                                        Map.of("sns.default-topic-arn", "alerts")))
                .hasMessageContaining("is not an SNS topic ARN");
    }

    @Test
    void dedupWindowsPerRule() {
        DedupSettings d =
                DedupSettings.fromProperties(
                        Map.of("window", "30m", "window.TW-OWN-01", "0", "window.TW-NET-01", "2h"));

        assertThat(d.windowMillisFor("TW-IAM-01")).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(d.windowMillisFor("TW-OWN-01")).isZero();
        assertThat(d.windowMillisFor("TW-NET-01")).isEqualTo(Duration.ofHours(2).toMillis());
        assertThatThrownBy(() -> DedupSettings.fromProperties(Map.of("window", "soon")))
                .hasMessageContaining("'soon' is not a duration");
    }
}
