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
                                Map.entry("retry.base-delay", "1s"),
                                Map.entry("retry.max-retry-after", "30s"),
                                Map.entry("retry.deadline", "15m")));

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
        assertThat(s.retry.maxRetryAfterMillis).isEqualTo(30_000);
        assertThat(s.retry.deadlineMillis).isEqualTo(900_000);
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
    void webhookUrlsAreCheckedStrictlyAndNamedWithoutTheirSecretPath() {
        String hook = "hooks.slack.com/services/T0TRAILW/B0PAYMENTS/s3cr3t";
        Map<String, String> refused =
                Map.of(
                        "https://" + hook + "%zz",
                        "slack.webhook.default is not a valid URL: malformed escape pair at"
                                + " character 60 of https://hooks.slack.com/… (the rest is not"
                                + " shown: it is a secret)",
                        "https://" + hook + "%2",
                        "malformed escape pair",
                        "http://" + hook,
                        "slack.webhook.default is plain http, which would send the secret"
                                + " unencrypted: use https",
                        "https:///services/T0TRAILW/B0PAYMENTS/s3cr3t",
                        "slack.webhook.default has no valid host name",
                        "https://hooks_slack.com/services/T0TRAILW/B0PAYMENTS/s3cr3t",
                        "slack.webhook.default has no valid host name: (the URL is not shown",
                        "https://" + hook + "é",
                        "character 60 is not ASCII (percent-encode it)",
                        "https://bot:pa55@" + hook,
                        "has a user name or password before the host",
                        "https://hooks.slack.com:99999/services/T0TRAILW/B0PAYMENTS/s3cr3t",
                        "has port 99999, which is not a port",
                        "ftp://" + hook,
                        "slack.webhook.default is not an https URL");
        refused.forEach(
                (url, problem) ->
                        assertThatThrownBy(
                                        () ->
                                                DeliverySettings.fromProperties(
                                                        Map.of("slack.webhook.default", url)))
                                .as(url)
                                .hasMessageContaining(problem)
                                .hasMessageNotContaining("s3cr3t")
                                .hasMessageNotContaining("pa55")
                                .hasMessageNotContaining("/services"));

        // Plain http to this machine only: a local test server.
        assertThat(
                        DeliverySettings.fromProperties(
                                        Map.of(
                                                "slack.webhook.default",
                                                "http://127.0.0.1:8080/services/T/B/x"))
                                .slack
                                .webhook("*")
                                .url)
                .isEqualTo("http://127.0.0.1:8080/services/T/B/x");
    }

    @Test
    void refusesDefaultsNothingCanServe() {
        assertThatThrownBy(() -> DeliverySettings.fromProperties(Map.of("defaults", "sns")))
                .hasMessageContaining("defaults 'sns' is not a destination");
        assertThatThrownBy(
                        () ->
                                DeliverySettings.fromProperties(
                                        Map.of(
                                                "slack.webhook.#a",
                                                "https://x/y",
                                                "defaults",
                                                "slack")))
                .hasMessageContaining("defaults 'slack' is not a destination");
        assertThatThrownBy(
                        () ->
                                DeliverySettings.fromProperties(
                                        Map.of("sns.default-topic-arn", "alerts")))
                .hasMessageContaining("is not an SNS topic ARN");
    }

    @Test
    void everyProblemIsReportedWithItsKey() {
        assertThatThrownBy(
                        () ->
                                DeliverySettings.fromProperties(
                                        Map.of(
                                                "sns.default-topic-arn",
                                                "arn:aws:sns:eu-west-1:111122223333:alerts",
                                                "sns.format",
                                                "xml",
                                                "sns.max-in-flight",
                                                "0",
                                                "slack.webhook.default",
                                                "hooks-s3cr3t",
                                                "slack.min-interval",
                                                "soon",
                                                "escalate-at",
                                                "URGENT",
                                                "retry.base-delay",
                                                "10s",
                                                "retry.max-delay",
                                                "1s",
                                                "retry.deadline",
                                                "0")))
                .hasMessageContaining("sns.format 'xml' is not an SNS message format")
                .hasMessageContaining("sns.max-in-flight '0' is not a positive whole number")
                .hasMessageContaining(
                        "slack.webhook.default is neither an http(s) URL nor secretsmanager:")
                .hasMessageContaining("slack.min-interval has no effect without a slack.webhook")
                .hasMessageContaining("escalate-at 'URGENT' is not a severity")
                .hasMessageContaining("retry.max-delay 1s is below retry.base-delay 10s")
                .hasMessageContaining("retry.deadline must be positive, got 0")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void unsetDefaultsAreTheConfiguredCatchAllsAndNoneIsNone() {
        String topic = "arn:aws:sns:eu-west-1:111122223333:alerts";
        assertThat(
                        DeliverySettings.fromProperties(
                                        Map.of(
                                                "sns.default-topic-arn",
                                                topic,
                                                "slack.webhook.default",
                                                "secretsmanager:trailwatch/slack"))
                                .defaultDestinations)
                .containsExactly("sns", "slack");
        // A channel's own webhook is not a catch-all: unowned alerts go to the topic only.
        assertThat(
                        DeliverySettings.fromProperties(
                                        Map.of(
                                                "sns.default-topic-arn",
                                                topic,
                                                "slack.webhook.#payments",
                                                "secretsmanager:trailwatch/slack"))
                                .defaultDestinations)
                .containsExactly("sns");
        assertThat(
                        DeliverySettings.fromProperties(
                                        Map.of("sns.default-topic-arn", topic, "defaults", "none"))
                                .defaultDestinations)
                .isEmpty();
    }

    @Test
    void theDescriptionNamesDestinationsButNoWebhookUrl() {
        DeliverySettings s =
                DeliverySettings.fromProperties(
                        Map.of(
                                "sns.default-topic-arn",
                                "arn:aws:sns:eu-west-1:111122223333:alerts",
                                "sns.format",
                                "chatbot",
                                "slack.webhook.default",
                                "https://hooks.example/services/T/B/s3cr3t",
                                "slack.webhook.#payments",
                                "secretsmanager:trailwatch/slack/payments"));

        assertThat(s.toString())
                .contains("SNS to arn:aws:sns:eu-west-1:111122223333:alerts as chatbot")
                .contains("#payments (secret trailwatch/slack/payments)")
                .contains("Slack webhook for * (URL configured)")
                .contains("defaults sns, slack, escalating from HIGH")
                .doesNotContain("s3cr3t")
                .doesNotContain("hooks.example");
        assertThat(DeliverySettings.none().toString()).isEqualTo("no SNS or Slack delivery");
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
