package io.trailwatch.alert.sink.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.trailwatch.alert.sink.DeliverySinkTests.alert;
import static io.trailwatch.alert.sink.DeliverySinkTests.sink;
import static io.trailwatch.alert.sink.DeliverySinkTests.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.trailwatch.alert.format.SlackLimitsAssert;
import io.trailwatch.alert.sink.DeliveryFailures;
import io.trailwatch.alert.sink.LogCapture;
import io.trailwatch.alert.sink.TestWriterContext;
import io.trailwatch.alert.sink.WriterContexts;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.config.SlackSettings;
import io.trailwatch.config.SlackWebhook;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryChannel;
import io.trailwatch.model.DeliveryFailure;
import io.trailwatch.model.EvidenceField;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slack sink posting to incoming webhooks served by an in-process WireMock on 127.0.0.1 (which
 * also plays Secrets Manager); assertions on the requests it received and on the dead letters.
 */
class SlackAlertSinkTest {
    @RegisterExtension
    static final WireMockExtension SLACK =
            WireMockExtension.newInstance()
                    .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
                    .build();

    static final String HOOK = "/services/T0TRAILW/B0PAYMENTS/s3cr3tT0k3n";
    static final String OTHER_HOOK = "/services/T0TRAILW/B0SECOPS/0th3rT0k3n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private Path undelivered() {
        return dir.resolve("undelivered.jsonl");
    }

    private static SlackSettings webhooks(long intervalMillis) {
        SlackSettings s =
                SlackSettings.withWebhooks(
                        SlackWebhook.withUrl("#payments-alerts", SLACK.baseUrl() + HOOK),
                        SlackWebhook.withUrl("#secops", SLACK.baseUrl() + OTHER_HOOK));
        s.minIntervalMillis = intervalMillis;
        return s;
    }

    private StatefulSinkWriter<AlertDelivery, BufferedRequestState<SlackMessageEntry>> writer(
            SlackSettings s, RetrySettings retry) throws Exception {
        return start(sink(SlackAlertSink::new, s, retry, undelivered()));
    }

    static AlertDelivery to(String channel, Alert a) {
        return new AlertDelivery(a, DeliveryChannel.SLACK, channel, channel, "owner");
    }

    private static void answer(String path, int status, String body) {
        SLACK.stubFor(
                post(urlEqualTo(path)).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private static List<LoggedRequest> posted(String path) {
        return SLACK.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void postsABlockKitMessageWithinSlacksLimits() throws Exception {
        answer(HOOK, 200, "ok");
        Alert big = alert(1);
        big.title = "Security group opened " + "very ".repeat(100);
        big.evidence.fields = new EvidenceField[60];
        for (int i = 0; i < 60; i++) {
            big.evidence.fields[i] = new EvidenceField("rule" + i, "0.0.0.0/0 " + "x".repeat(5000));
        }
        var writer = writer(webhooks(50), RetrySettings.of(3, 50, 200));
        writer.write(to("#payments-alerts", big), WriterContexts.NONE);
        writer.flush(true);

        LoggedRequest r = posted(HOOK).get(0);
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        JsonNode message = JSON.readTree(r.getBodyAsString());
        SlackLimitsAssert.assertWithinLimits(message);
        assertThat(message.at("/blocks/0/text/text").asText())
                .startsWith(":red_circle: CRITICAL · Security group opened very");
        assertThat(r.getBodyAsString())
                .contains("payments (prod) · #payments-alerts")
                .contains("111122223333")
                .contains("arn:aws:iam::111122223333:user/mallory")
                .contains("sg-0a1b2c3d4e5f60001")
                .contains("*Remediation*")
                .contains(big.alertId);
        assertThat(DeliveryFailures.read(undelivered())).isEmpty();
        writer.close();
    }

    @Test
    void atMostOneMessagePerSecondPerWebhook() throws Exception {
        answer(HOOK, 200, "ok");
        answer(OTHER_HOOK, 200, "ok");
        var writer = writer(webhooks(1000), RetrySettings.of(3, 50, 200));
        for (int i = 0; i < 3; i++) {
            writer.write(to("#payments-alerts", alert(i)), WriterContexts.NONE);
        }
        writer.write(to("#secops", alert(9)), WriterContexts.NONE);
        writer.flush(true);

        List<Long> times =
                posted(HOOK).stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(times).hasSize(3);
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(950);
        assertThat(times.get(2) - times.get(1)).isGreaterThanOrEqualTo(950);
        // Another webhook has its own pace.
        long other = posted(OTHER_HOOK).get(0).getLoggedDate().getTime();
        assertThat(other - times.get(0)).isLessThan(900);
        writer.close();
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() throws Exception {
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("429")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Retry-After", "2")
                                        .withBody("rate_limited"))
                        .willSetStateTo("ok"));
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("429")
                        .whenScenarioStateIs("ok")
                        .willReturn(aResponse().withStatus(200).withBody("ok")));
        var writer = writer(webhooks(50), RetrySettings.of(3, 50, 200));
        writer.write(to("#payments-alerts", alert(1)), WriterContexts.NONE);
        writer.flush(true);

        List<LoggedRequest> requests = posted(HOOK);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(
                        requests.get(1).getLoggedDate().getTime()
                                - requests.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1950);
        assertThat(DeliveryFailures.read(undelivered())).isEmpty();
        writer.close();
    }

    @Test
    void afterARetryAfterTheHeldBackMessagesStillLeaveOnePerInterval() throws Exception {
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("429 once")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(200).withBody("ok"))
                        .willSetStateTo("429"));
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("429 once")
                        .whenScenarioStateIs("429")
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Retry-After", "1")
                                        .withBody("rate_limited"))
                        .willSetStateTo("ok"));
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("429 once")
                        .whenScenarioStateIs("ok")
                        .willReturn(aResponse().withStatus(200).withBody("ok")));
        var writer = writer(webhooks(300), RetrySettings.of(3, 50, 200));
        // One message first, so that the connection is open and answers come back at once.
        writer.write(to("#payments-alerts", alert(0)), WriterContexts.NONE);
        writer.flush(true);
        for (int i = 1; i <= 4; i++) {
            writer.write(to("#payments-alerts", alert(i)), WriterContexts.NONE);
        }
        writer.flush(true);

        // The first of the four is refused with Retry-After 1 s while the other three are planned
        // 300 ms apart within that second: after it, all four still leave 300 ms apart.
        List<Long> times =
                posted(HOOK).stream()
                        .map(r -> r.getLoggedDate().getTime())
                        .sorted()
                        .skip(1)
                        .toList();
        assertThat(times).hasSize(5);
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(950);
        for (int i = 2; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1))
                    .as("gap before post %d of %s", i, times)
                    .isGreaterThanOrEqualTo(250);
        }
        assertThat(DeliveryFailures.read(undelivered())).isEmpty();
        writer.close();
    }

    @Test
    void aLongRetryAfterIsWaitedForUpToItsCapAndTheDeadlineEndsTheWait() throws Exception {
        // After one message that opens the connection, Slack asks for an hour each time. The sink
        // waits 400 ms at most each time and gives every alert 1.5 s: the three alerts are dead
        // letters within seconds rather than holding the queue for an hour each.
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("limited")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(200).withBody("ok"))
                        .willSetStateTo("limited"));
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("limited")
                        .whenScenarioStateIs("limited")
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Retry-After", "3600")
                                        .withBody("rate_limited")));
        RetrySettings retry = RetrySettings.of(8, 50, 200);
        retry.maxRetryAfterMillis = 400;
        retry.deadlineMillis = 1500;
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> {
                    var writer = writer(webhooks(300), retry);
                    writer.write(to("#payments-alerts", alert(0)), WriterContexts.NONE);
                    writer.flush(true);
                    for (int i = 1; i <= 3; i++) {
                        writer.write(to("#payments-alerts", alert(i)), WriterContexts.NONE);
                    }
                    writer.flush(true);
                    writer.close();
                });

        List<DeliveryFailure> dead = DeliveryFailures.read(undelivered());
        assertThat(dead).hasSize(3);
        assertThat(dead)
                .allSatisfy(
                        f -> {
                            assertThat(f.reason).isEqualTo(DeliveryFailure.DEADLINE_EXCEEDED);
                            assertThat(f.error)
                                    .startsWith(
                                            "not sent within the delivery deadline of 1500ms"
                                                    + " (retry.deadline): ");
                            assertThat(f.alert).contains(f.alertId);
                        });
        assertThat(dead)
                .anyMatch(
                        f ->
                                f.error.contains(
                                        "last error: HTTP 429: rate_limited (Retry-After 1h;"
                                                + " waiting at most 400ms)"));
        // After the first, each post waited for the one before: its slot, or the capped
        // Retry-After.
        List<Long> times =
                posted(HOOK).stream()
                        .map(r -> r.getLoggedDate().getTime())
                        .sorted()
                        .skip(1)
                        .toList();
        assertThat(times.size()).isBetween(1, 4);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1))
                    .as("gap before post %d of %s", i, times)
                    .isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilDelivered() throws Exception {
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("500")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(500).withBody("rollup_error"))
                        .willSetStateTo("again"));
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("500")
                        .whenScenarioStateIs("again")
                        .willReturn(aResponse().withStatus(503).withBody("service unavailable"))
                        .willSetStateTo("ok"));
        SLACK.stubFor(
                post(urlEqualTo(HOOK))
                        .inScenario("500")
                        .whenScenarioStateIs("ok")
                        .willReturn(aResponse().withStatus(200).withBody("ok")));
        var writer = writer(webhooks(50), RetrySettings.of(4, 200, 1000));
        writer.write(to("#payments-alerts", alert(1)), WriterContexts.NONE);
        writer.flush(true);

        List<LoggedRequest> requests = posted(HOOK);
        assertThat(requests).hasSize(3);
        assertThat(
                        requests.get(1).getLoggedDate().getTime()
                                - requests.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(95);
        assertThat(DeliveryFailures.read(undelivered())).isEmpty();
        writer.close();
    }

    @Test
    void serverErrorsOutlastingTheRetriesAndRefusalsGoToTheDeadLetters() throws Exception {
        answer(HOOK, 500, "rollup_error");
        answer(OTHER_HOOK, 404, "no_service");
        var writer = writer(webhooks(50), RetrySettings.of(3, 50, 200));
        writer.write(to("#payments-alerts", alert(1)), WriterContexts.NONE);
        writer.write(to("#secops", alert(2)), WriterContexts.NONE);
        writer.flush(true);

        assertThat(posted(HOOK)).hasSize(3);
        assertThat(posted(OTHER_HOOK)).hasSize(1);
        List<DeliveryFailure> dead = DeliveryFailures.read(undelivered());
        assertThat(dead).hasSize(2);
        DeliveryFailure exhausted =
                dead.stream()
                        .filter(f -> f.alertId.equals(alert(1).alertId))
                        .findFirst()
                        .orElseThrow();
        assertThat(exhausted.reason).isEqualTo(DeliveryFailure.RETRIES_EXHAUSTED);
        assertThat(exhausted.attempts).isEqualTo(3);
        assertThat(exhausted.error).isEqualTo("HTTP 500: rollup_error");
        assertThat(exhausted.channel).isEqualTo("slack");
        assertThat(exhausted.destination).isEqualTo("#payments-alerts");
        assertThat(JSON.readTree(exhausted.alert).get("alertId").asText())
                .isEqualTo(alert(1).alertId);
        DeliveryFailure refused =
                dead.stream()
                        .filter(f -> f.alertId.equals(alert(2).alertId))
                        .findFirst()
                        .orElseThrow();
        assertThat(refused.reason).isEqualTo(DeliveryFailure.REJECTED);
        assertThat(refused.attempts).isEqualTo(1);
        assertThat(refused.error).isEqualTo("HTTP 404: no_service");
        writer.close();
    }

    @Test
    void webhookUrlFromSecretsManager() throws Exception {
        String fromSecret = "/services/T0TRAILW/B0SECRET/fr0mS3cr3t";
        answer(fromSecret, 200, "ok");
        SLACK.stubFor(
                post(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                                        .withBody(
                                                JSON.writeValueAsString(
                                                        java.util.Map.of(
                                                                "ARN",
                                                                        "arn:aws:secretsmanager:eu-west-1:111122223333:secret:trailwatch/slack/payments-AbCdEf",
                                                                "Name", "trailwatch/slack/payments",
                                                                "VersionId", "v1",
                                                                "SecretString",
                                                                        "{\"url\":\""
                                                                                + SLACK.baseUrl()
                                                                                + fromSecret
                                                                                + "\"}")))));
        SlackSettings s =
                SlackSettings.withWebhooks(
                        SlackWebhook.fromSecret(
                                "#payments-alerts",
                                "arn:aws:secretsmanager:eu-west-1:111122223333:secret:trailwatch/slack/payments-AbCdEf"));
        s.secretsEndpointUrl = SLACK.baseUrl();
        s.minIntervalMillis = 50;
        var writer = writer(s, RetrySettings.of(3, 50, 200));
        writer.write(to("#payments-alerts", alert(1)), WriterContexts.NONE);
        writer.write(to("#payments-alerts", alert(2)), WriterContexts.NONE);
        writer.flush(true);

        assertThat(posted(fromSecret)).hasSize(2);
        List<LoggedRequest> lookups = SLACK.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(lookups).hasSize(1); // read once, then kept
        assertThat(JSON.readTree(lookups.get(0).getBodyAsString()).get("SecretId").asText())
                .isEqualTo(
                        "arn:aws:secretsmanager:eu-west-1:111122223333:secret:trailwatch/slack/payments-AbCdEf");
        writer.close();
    }

    @Test
    void aMalformedUrlInASecretIsNamedWithoutItsSecretPath() throws Exception {
        SLACK.stubFor(
                post(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                                        .withBody(
                                                JSON.writeValueAsString(
                                                        java.util.Map.of(
                                                                "Name",
                                                                "trailwatch/slack/payments",
                                                                "SecretString",
                                                                "https://hooks.slack.com/services/T0/B0/s3cr3t%zz")))));
        SlackSettings s =
                SlackSettings.withWebhooks(
                        SlackWebhook.fromSecret("#payments-alerts", "trailwatch/slack/payments"));
        s.secretsEndpointUrl = SLACK.baseUrl();
        s.secretsRegion = "eu-west-1";
        s.minIntervalMillis = 50;

        List<String> logs;
        try (LogCapture capture = new LogCapture()) {
            var writer = writer(s, RetrySettings.of(3, 50, 200));
            writer.write(to("#payments-alerts", alert(1)), WriterContexts.NONE);
            writer.flush(true);
            writer.close();
            logs = capture.lines();
        }

        DeliveryFailure f = DeliveryFailures.read(undelivered()).get(0);
        assertThat(f.reason).isEqualTo(DeliveryFailure.NOT_CONFIGURED);
        assertThat(f.error)
                .isEqualTo(
                        "the webhook URL in secret trailwatch/slack/payments is not a valid URL:"
                                + " malformed escape pair at character 46 of"
                                + " https://hooks.slack.com/… (the rest is not shown: it is a"
                                + " secret)");
        assertThat(logs).anyMatch(l -> l.contains("malformed escape pair"));
        assertThat(String.join("\n", logs) + Files.readString(undelivered()))
                .doesNotContain("s3cr3t");
    }

    @Test
    void neverLogsOrDeadLettersAWebhookUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        // A proxy that echoes the URL it could not reach, a port nobody listens on, and a secret
        // that cannot be read.
        answer(HOOK, 400, "invalid_payload for " + SLACK.baseUrl() + HOOK);
        SLACK.stubFor(
                post(urlEqualTo("/"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                                        .withBody(
                                                "{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized\"}")));
        SlackSettings s =
                SlackSettings.withWebhooks(
                        SlackWebhook.withUrl("#payments-alerts", SLACK.baseUrl() + HOOK),
                        SlackWebhook.withUrl(
                                "#closed",
                                "http://127.0.0.1:"
                                        + closedPort
                                        + "/services/T0TRAILW/B0CLOSED/cl0s3dT0k3n"),
                        SlackWebhook.fromSecret("#secret", "trailwatch/slack/secret"));
        s.secretsEndpointUrl = SLACK.baseUrl();
        s.secretsRegion = "eu-west-1";
        s.minIntervalMillis = 50;

        List<String> logs;
        try (LogCapture capture = new LogCapture()) {
            var writer = writer(s, RetrySettings.of(2, 50, 100));
            writer.write(to("#payments-alerts", alert(1)), WriterContexts.NONE);
            writer.write(to("#closed", alert(2)), WriterContexts.NONE);
            writer.write(to("#secret", alert(3)), WriterContexts.NONE);
            writer.flush(true);
            writer.close();
            logs = capture.lines();
        }

        List<DeliveryFailure> dead = DeliveryFailures.read(undelivered());
        assertThat(dead)
                .extracting(f -> f.reason)
                .containsExactlyInAnyOrder(
                        DeliveryFailure.REJECTED,
                        DeliveryFailure.RETRIES_EXHAUSTED,
                        DeliveryFailure.NOT_CONFIGURED);
        assertThat(dead)
                .filteredOn(f -> f.destination.equals("#secret"))
                .singleElement()
                .satisfies(
                        f ->
                                assertThat(f.error)
                                        .contains("cannot read secret trailwatch/slack/secret"));
        assertThat(dead)
                .filteredOn(f -> f.destination.equals("#payments-alerts"))
                .singleElement()
                .satisfies(f -> assertThat(f.error).contains("<webhook #payments-alerts>"));
        assertThat(logs).anyMatch(l -> l.contains("Slack webhook #secret is unavailable"));
        String everything = String.join("\n", logs) + Files.readString(undelivered());
        assertThat(everything)
                .doesNotContain("s3cr3tT0k3n")
                .doesNotContain("cl0s3dT0k3n")
                .doesNotContain("/services/");
    }

    @Test
    void bufferedMessagesGoIntoTheCheckpointAndAreSentAfterARestore() throws Exception {
        answer(HOOK, 200, "ok");
        var writer = writer(webhooks(50), RetrySettings.of(3, 50, 200));
        writer.write(to("#payments-alerts", alert(1)), WriterContexts.NONE);
        writer.write(to("#payments-alerts", alert(2)), WriterContexts.NONE);
        writer.flush(false); // checkpoint: nothing in flight, two messages buffered
        List<BufferedRequestState<SlackMessageEntry>> state = writer.snapshotState(1);
        writer.close();
        assertThat(posted(HOOK)).isEmpty();

        SlackMessageEntrySerializer serializer = new SlackMessageEntrySerializer();
        BufferedRequestState<SlackMessageEntry> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state.get(0)));
        assertThat(restored.getBufferedRequestEntries()).hasSize(2);
        var again =
                sink(SlackAlertSink::new, webhooks(50), RetrySettings.of(3, 50, 200), undelivered())
                        .restoreWriter(new TestWriterContext(), List.of(restored));
        again.flush(true); // end of input

        assertThat(posted(HOOK))
                .extracting(
                        r ->
                                JSON.readTree(r.getBodyAsString())
                                        .at("/blocks/4/elements/0/text")
                                        .asText())
                .anyMatch(t -> t.contains(alert(1).alertId))
                .anyMatch(t -> t.contains(alert(2).alertId));
        again.close();
    }
}
