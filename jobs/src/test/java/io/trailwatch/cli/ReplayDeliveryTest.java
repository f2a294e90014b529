package io.trailwatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.alert.format.SlackLimitsAssert;
import io.trailwatch.alert.sink.FormBody;
import io.trailwatch.alert.sink.sns.SnsQueryProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --slack-webhook URL --sns-topic ARN --endpoint-url URL}: the alerts of a replay
 * also reach Slack and SNS (both played by WireMock on 127.0.0.1), as they would in production.
 */
class ReplayDeliveryTest {
    @RegisterExtension static final WireMockExtension ENDPOINTS = SnsQueryProtocol.localServer();

    static final String HOOK = "/services/T0TRAILW/B0REPLAY/r3pl4yT0k3n";
    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private Path logs;
    private Path ownership;

    @BeforeEach
    void generate() {
        Path gen = dir.resolve("gen");
        assertThat(
                        TrailwatchCli.run(
                                "generate",
                                "--out",
                                gen.toString(),
                                "--events",
                                "5000",
                                "--seed",
                                "5"))
                .isZero();
        logs = gen.resolve("logs");
        ownership = gen.resolve("ownership.csv");
    }

    @Test
    void alertsAreAlsoPostedToSlackAndPublishedToSns() throws Exception {
        ENDPOINTS.stubFor(
                post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));
        ENDPOINTS.stubFor(
                post(urlEqualTo("/"))
                        .willReturn(aResponse().withTransformers(SnsQueryProtocol.NAME)));
        Path alerts = dir.resolve("alerts.jsonl");

        CliRun r =
                CliRun.of(
                        "replay",
                        "--ownership",
                        ownership.toString(),
                        "--out",
                        alerts.toString(),
                        "--slack-webhook",
                        ENDPOINTS.baseUrl() + HOOK,
                        "--sns-topic",
                        TOPIC,
                        "--endpoint-url",
                        ENDPOINTS.baseUrl(),
                        logs.toString());

        assertThat(r.status()).as(r.stderr()).isZero();
        List<String> lines = Files.readAllLines(alerts);
        assertThat(lines).hasSize(1);
        String alertId = JSON.readTree(lines.get(0)).get("alertId").asText();

        var slack = ENDPOINTS.findAll(postRequestedFor(urlEqualTo(HOOK)));
        assertThat(slack).hasSize(1);
        JsonNode message = JSON.readTree(slack.get(0).getBodyAsString());
        SlackLimitsAssert.assertWithinLimits(message);
        assertThat(message.toString()).contains(alertId).contains("nobody owns this account");

        var sns = ENDPOINTS.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(sns).hasSize(1);
        Map<String, String> form = FormBody.parse(sns.get(0).getBodyAsString());
        assertThat(form).containsEntry("Action", "PublishBatch").containsEntry("TopicArn", TOPIC);
        assertThat(form.get("PublishBatchRequestEntries.member.1.Message")).isEqualTo(lines.get(0));

        assertThat(r.stderr())
                .containsPattern("delivery +1 messages routed to SNS, 1 to Slack; 0 undeliverable")
                .doesNotContain("r3pl4yT0k3n");
    }

    @Test
    void undeliverableAlertsAreReportedAndWritten() throws Exception {
        ENDPOINTS.stubFor(
                post(urlEqualTo(HOOK))
                        .willReturn(aResponse().withStatus(410).withBody("channel_is_archived")));
        Path undelivered = dir.resolve("undelivered.jsonl");

        CliRun r =
                CliRun.of(
                        "replay",
                        "--ownership",
                        ownership.toString(),
                        "--out",
                        dir.resolve("alerts.jsonl").toString(),
                        "--slack-webhook",
                        ENDPOINTS.baseUrl() + HOOK,
                        "--undelivered",
                        undelivered.toString(),
                        logs.toString());

        assertThat(r.status()).as(r.stderr()).isZero();
        List<String> dead = Files.readAllLines(undelivered);
        assertThat(dead).hasSize(1);
        JsonNode failure = JSON.readTree(dead.get(0));
        assertThat(failure.get("reason").asText()).isEqualTo("rejected");
        assertThat(failure.get("error").asText()).isEqualTo("HTTP 410: channel_is_archived");
        assertThat(failure.at("/alert/ruleId").asText()).isEqualTo("TW-OWN-01");
        assertThat(r.stderr())
                .containsPattern(
                        "0 messages routed to SNS, 1 to Slack; 1 undeliverable \\(written to "
                                + undelivered
                                + "\\)")
                .doesNotContain("r3pl4yT0k3n");
    }

    @Test
    void withoutAFileUndeliverableAlertsAreShownOnStandardError() {
        ENDPOINTS.stubFor(
                post(urlEqualTo(HOOK))
                        .willReturn(aResponse().withStatus(404).withBody("no_service")));

        CliRun r =
                CliRun.of(
                        "replay",
                        "--ownership",
                        ownership.toString(),
                        "--out",
                        dir.resolve("alerts.jsonl").toString(),
                        "--slack-webhook",
                        ENDPOINTS.baseUrl() + HOOK,
                        logs.toString());

        assertThat(r.status()).isZero();
        assertThat(r.stderr())
                .containsPattern(
                        "trailwatch: undelivered alert tw-[0-9a-f]{32} \\(TW-OWN-01\\) to slack \\* \\[rejected after 1 attempt\\]: HTTP 404: no_service")
                .doesNotContain("r3pl4yT0k3n");
    }

    @Test
    void badDeliveryOptionsAreUsageErrorsThatDoNotEchoTheWebhook() {
        CliRun badHook = CliRun.of("replay", "--slack-webhook", "hooks-s3cr3t", logs.toString());
        assertThat(badHook.status()).isEqualTo(2);
        assertThat(badHook.stderr())
                .contains(
                        "--slack-webhook: is neither an http(s) URL nor secretsmanager:<secret id or ARN>"
                                + " (the value is not shown: it may be a secret)")
                .doesNotContain("s3cr3t");

        // A malformed or unencrypted webhook URL is refused before anything runs, named, redacted.
        CliRun badEscape =
                CliRun.of(
                        "replay",
                        "--slack-webhook",
                        "https://hooks.slack.com/services/T0/B0/s3cr3t%zz",
                        logs.toString());
        assertThat(badEscape.status()).isEqualTo(2);
        assertThat(badEscape.stderr())
                .contains(
                        "--slack-webhook: is not a valid URL: malformed escape pair at character 46"
                                + " of https://hooks.slack.com/…")
                .doesNotContain("s3cr3t");
        CliRun plainHttp =
                CliRun.of(
                        "replay",
                        "--slack-webhook",
                        "http://hooks.slack.com/services/T0/B0/s3cr3t",
                        logs.toString());
        assertThat(plainHttp.status()).isEqualTo(2);
        assertThat(plainHttp.stderr())
                .contains("--slack-webhook: is plain http")
                .doesNotContain("s3cr3t");

        assertThat(CliRun.of("replay", "--sns-topic", "alerts", logs.toString()).stderr())
                .contains("--sns-topic: 'alerts' is not an SNS topic ARN");
        assertThat(
                        CliRun.of("replay", "--endpoint-url", ENDPOINTS.baseUrl(), logs.toString())
                                .stderr())
                .contains("--endpoint-url needs --sns-topic");
        assertThat(
                        CliRun.of(
                                        "replay",
                                        "--sns-topic",
                                        TOPIC,
                                        "--sns-format",
                                        "xml",
                                        logs.toString())
                                .status())
                .isEqualTo(2);
        assertThat(
                        CliRun.of("replay", "--dedup-window", "TW-NET-01=soon", logs.toString())
                                .stderr())
                .contains("--dedup-window: 'soon' is not a duration");
    }
}
