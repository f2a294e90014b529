package io.trailwatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.trailwatch.alert.TestAlerts.owner;
import static io.trailwatch.alert.TestAlerts.securityGroupOpened;
import static io.trailwatch.alert.TestAlerts.withSeverity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.trailwatch.alert.format.SlackLimitsAssert;
import io.trailwatch.alert.sink.FormBody;
import io.trailwatch.alert.sink.LogCapture;
import io.trailwatch.alert.sink.sns.SnsQueryProtocol;
import io.trailwatch.config.RunSettings;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Owner;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert outputs of {@code trailwatch run}, configured by a Delivery property group as the
 * service hands it over, on a local Flink: alerts routed by owner reach a Slack webhook whose URL
 * is read from Secrets Manager, and an SNS topic (WireMock on 127.0.0.1 plays all three);
 * undeliverable alerts are logged as delivery dead letters, never with the webhook URL.
 */
class RunDeliveryTest {
    @RegisterExtension static final WireMockExtension AWS = SnsQueryProtocol.localServer();

    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts";
    static final String SECRET =
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:trailwatch/slack-AbCdEf";
    static final String HOOK = "/services/T0TRAILW/B0RUNJOB/ru4j0bT0k3n";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unowned (defaults: SNS and Slack), a channel (Slack), an e-mail (the topic). */
    private static final Alert UNOWNED =
            securityGroupOpened(
                    "e-1", "2026-10-14T09:00:01Z", "sg-0a1b2c3d4e5f60001", Owner.unowned());

    private static final Alert TO_CHANNEL =
            withSeverity(
                    securityGroupOpened(
                            "e-2",
                            "2026-10-14T09:00:02Z",
                            "sg-0a1b2c3d4e5f60002",
                            owner("payments", "#payments-alerts")),
                    Severity.MEDIUM);
    private static final Alert TO_EMAIL =
            withSeverity(
                    securityGroupOpened(
                            "e-3",
                            "2026-10-14T09:00:03Z",
                            "sg-0a1b2c3d4e5f60003",
                            owner("data", "data-team@example.com")),
                    Severity.LOW);

    @Test
    void alertsReachSlackThroughTheSecretAndTheTopicByOwner() throws Exception {
        secretHolds("{\"url\": \"" + AWS.baseUrl() + HOOK + "\"}");
        AWS.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));
        AWS.stubFor(
                post(urlEqualTo("/"))
                        .atPriority(5)
                        .willReturn(aResponse().withTransformers(SnsQueryProtocol.NAME)));

        try (LogCapture log = new LogCapture()) {
            run(UNOWNED, TO_CHANNEL, TO_EMAIL);

            assertThat(log.lines())
                    .noneMatch(l -> l.contains("ru4j0bT0k3n"))
                    .noneMatch(l -> l.contains("io.trailwatch.delivery.DeadLetters"));
        }

        List<LoggedRequest> lookups =
                AWS.findAll(
                        postRequestedFor(urlEqualTo("/"))
                                .withHeader(
                                        "X-Amz-Target", equalTo("secretsmanager.GetSecretValue")));
        // Each Slack sink subtask reads the secret once, when it starts.
        assertThat(lookups).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        for (LoggedRequest r : lookups) {
            assertThat(JSON.readTree(r.getBodyAsString()).get("SecretId").asText())
                    .isEqualTo(SECRET);
        }

        List<String> posted = new ArrayList<>();
        for (LoggedRequest r : AWS.findAll(postRequestedFor(urlEqualTo(HOOK)))) {
            JsonNode message = JSON.readTree(r.getBodyAsString());
            SlackLimitsAssert.assertWithinLimits(message);
            posted.add(message.toString());
        }
        assertThat(posted).hasSize(2);
        assertThat(posted).anyMatch(m -> m.contains(UNOWNED.alertId));
        assertThat(posted).anyMatch(m -> m.contains(TO_CHANNEL.alertId));

        List<String> published = new ArrayList<>();
        for (LoggedRequest r : AWS.findAll(postRequestedFor(urlEqualTo("/")))) {
            Map<String, String> form = FormBody.parse(r.getBodyAsString());
            if (!"PublishBatch".equals(form.get("Action"))) {
                continue;
            }
            assertThat(form).containsEntry("TopicArn", TOPIC);
            form.forEach(
                    (k, v) -> {
                        if (k.matches("PublishBatchRequestEntries\\.member\\.\\d+\\.Message")) {
                            published.add(v);
                        }
                    });
        }
        assertThat(published).hasSize(2);
        assertThat(published).anyMatch(m -> m.contains(UNOWNED.alertId));
        assertThat(published).anyMatch(m -> m.contains(TO_EMAIL.alertId));
    }

    @Test
    void anAlertSlackRefusesIsLoggedAsADeadLetterWithoutTheWebhook() throws Exception {
        secretHolds(AWS.baseUrl() + HOOK);
        AWS.stubFor(
                post(urlEqualTo(HOOK))
                        .willReturn(aResponse().withStatus(404).withBody("no_service")));

        List<String> deadLetters;
        try (LogCapture log = new LogCapture()) {
            run(TO_CHANNEL);
            assertThat(log.lines()).noneMatch(l -> l.contains("ru4j0bT0k3n"));
            deadLetters =
                    log.lines().stream()
                            .filter(l -> l.startsWith("ERROR io.trailwatch.delivery.DeadLetters "))
                            .toList();
        }

        assertThat(deadLetters).hasSize(1);
        JsonNode failure =
                JSON.readTree(
                        deadLetters
                                .get(0)
                                .substring("ERROR io.trailwatch.delivery.DeadLetters ".length()));
        assertThat(failure.get("alertId").asText()).isEqualTo(TO_CHANNEL.alertId);
        assertThat(failure.get("reason").asText()).isEqualTo("rejected");
        assertThat(failure.get("error").asText()).isEqualTo("HTTP 404: no_service");
        assertThat(failure.get("destination").asText()).isEqualTo("#payments-alerts via webhook *");
        assertThat(failure.at("/alert/alertId").asText()).isEqualTo(TO_CHANNEL.alertId);
    }

    /** What {@link RunJob#buildGraph} does with the alerts, fed from a list instead of Kinesis. */
    private static void run(Alert... alerts) throws Exception {
        Map<String, Properties> groups = new TreeMap<>();
        put(groups, "Input", "cloudtrail.stream", "cloudtrail");
        put(groups, "Ownership", "table.location", "/nonexistent/ownership.csv");
        put(groups, "Output", "alerts.log", "false");
        put(groups, "Delivery", "sns.default-topic-arn", TOPIC);
        put(groups, "Delivery", "sns.endpoint-url", AWS.baseUrl());
        put(groups, "Delivery", "slack.webhook.default", "secretsmanager:" + SECRET);
        put(groups, "Delivery", "slack.secrets-endpoint-url", AWS.baseUrl());
        put(groups, "Delivery", "slack.min-interval", "100ms");
        put(groups, "Delivery", "retry.base-delay", "50ms");
        put(groups, "Delivery", "retry.max-delay", "200ms");
        RunSettings settings = RunSettings.from(groups);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.getConfig().disableAutoGeneratedUIDs();
        DataStream<Alert> stream = env.fromData(alerts).uid("test-alerts");
        RunJob.attachAlertSinks(stream, settings);
        env.execute("run delivery test");
    }

    private static void secretHolds(String value) throws Exception {
        AWS.stubFor(
                post(urlEqualTo("/"))
                        .atPriority(1)
                        .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                                        .withBody(
                                                JSON.writeValueAsString(
                                                        Map.of(
                                                                "ARN",
                                                                SECRET,
                                                                "Name",
                                                                "trailwatch/slack",
                                                                "VersionId",
                                                                "v1",
                                                                "SecretString",
                                                                value)))));
    }

    private static void put(
            Map<String, Properties> groups, String group, String key, String value) {
        groups.computeIfAbsent(group, g -> new Properties()).setProperty(key, value);
    }
}
