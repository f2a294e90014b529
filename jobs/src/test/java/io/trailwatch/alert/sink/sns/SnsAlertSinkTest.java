package io.trailwatch.alert.sink.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.trailwatch.alert.TestAlerts.owner;
import static io.trailwatch.alert.TestAlerts.securityGroupOpened;
import static io.trailwatch.alert.sink.DeliverySinkTests.alert;
import static io.trailwatch.alert.sink.DeliverySinkTests.sink;
import static io.trailwatch.alert.sink.DeliverySinkTests.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.Schemas;
import io.trailwatch.alert.format.AlertTrimmer;
import io.trailwatch.alert.sink.DeliveryFailures;
import io.trailwatch.alert.sink.FormBody;
import io.trailwatch.alert.sink.TestWriterContext;
import io.trailwatch.alert.sink.WriterContexts;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.config.SnsMessageFormat;
import io.trailwatch.config.SnsSettings;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryChannel;
import io.trailwatch.model.DeliveryFailure;
import io.trailwatch.model.EvidenceField;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SNS sink with the AWS SDK's real async client against an in-process WireMock on 127.0.0.1
 * that speaks the SNS query protocol; assertions on the request bodies it received.
 */
class SnsAlertSinkTest {
    @RegisterExtension static final WireMockExtension SNS = SnsQueryProtocol.localServer();

    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:payments-alerts";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private Path undelivered() {
        return dir.resolve("undelivered.jsonl");
    }

    private SnsSettings settings() {
        SnsSettings s = SnsSettings.toTopic(TOPIC);
        s.endpointUrl = SNS.baseUrl();
        return s;
    }

    private StatefulSinkWriter<AlertDelivery, BufferedRequestState<SnsPublishEntry>> writer(
            SnsSettings s, RetrySettings retry) throws Exception {
        return start(sink(SnsAlertSink::new, s, retry, undelivered()));
    }

    private static RetrySettings fastRetries(int attempts) {
        return RetrySettings.of(attempts, 100, 400);
    }

    static AlertDelivery delivery(Alert a) {
        return new AlertDelivery(a, DeliveryChannel.SNS, TOPIC, TOPIC, "owner");
    }

    private static void answerAll() {
        SNS.stubFor(
                post(urlEqualTo("/"))
                        .willReturn(aResponse().withTransformers(SnsQueryProtocol.NAME)));
    }

    private static List<Map<String, String>> publishBatches() {
        List<Map<String, String>> bodies = new ArrayList<>();
        for (LoggedRequest r : SNS.findAll(postRequestedFor(urlEqualTo("/")))) {
            Map<String, String> form = FormBody.parse(r.getBodyAsString());
            assertThat(form)
                    .containsEntry("Action", "PublishBatch")
                    .containsEntry("Version", "2010-03-31");
            bodies.add(form);
        }
        return bodies;
    }

    private static int entries(Map<String, String> form) {
        return (int)
                form.keySet().stream()
                        .filter(k -> k.matches("PublishBatchRequestEntries\\.member\\.\\d+\\.Id"))
                        .count();
    }

    private static String message(Map<String, String> form, int member) {
        return form.get("PublishBatchRequestEntries.member." + member + ".Message");
    }

    @Test
    void batchesUpToTenWithTheFiveFilterAttributes() throws Exception {
        answerAll();
        var writer = writer(settings(), fastRetries(3));
        for (int i = 0; i < 23; i++) {
            writer.write(delivery(alert(i)), WriterContexts.NONE);
        }
        writer.flush(true);

        List<Map<String, String>> batches = publishBatches();
        assertThat(batches)
                .extracting(SnsAlertSinkTest::entries)
                .containsExactlyInAnyOrder(10, 10, 3);
        Map<String, String> first = batches.get(0);
        assertThat(first).containsEntry("TopicArn", TOPIC);
        String p = "PublishBatchRequestEntries.member.1.";
        assertThat(first)
                .containsEntry(p + "Id", "0")
                .containsEntry(
                        p + "Subject",
                        "[CRITICAL] Security group sg-0a1b2c3d4e5f60000 opened to the internet on port 22 (111122223333)");
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        for (int e = 1; e <= 5; e++) {
            String a = p + "MessageAttributes.entry." + e + ".";
            assertThat(first).containsEntry(a + "Value.DataType", "String");
            attributes.put(first.get(a + "Name"), first.get(a + "Value.StringValue"));
        }
        assertThat(attributes)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "severity", "CRITICAL",
                                "ruleId", "TW-NET-01",
                                "team", "payments",
                                "account", "111122223333",
                                "environment", "prod"));
        assertThat(message(first, 1)).isEqualTo(AlertJson.toJson(alert(0)));
        List<String> sent = new ArrayList<>();
        for (Map<String, String> b : batches) {
            for (int m = 1; m <= entries(b); m++) {
                sent.add(JSON.readTree(message(b, m)).get("alertId").asText());
            }
        }
        assertThat(sent).hasSize(23).doesNotHaveDuplicates();
        assertThat(DeliveryFailures.read(undelivered())).isEmpty();
        writer.close();
    }

    @Test
    void partialBatchFailureRetriesTheTransientEntryAndDeadLettersTheRefusedOne() throws Exception {
        SNS.stubFor(
                post(urlEqualTo("/"))
                        .inScenario("partial")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse()
                                        .withTransformers(SnsQueryProtocol.NAME)
                                        .withTransformerParameter(
                                                "failures",
                                                Map.of(
                                                        "1",
                                                        "InternalError:false",
                                                        "2",
                                                        "InvalidParameter:true")))
                        .willSetStateTo("retry"));
        SNS.stubFor(
                post(urlEqualTo("/"))
                        .inScenario("partial")
                        .whenScenarioStateIs("retry")
                        .willReturn(aResponse().withTransformers(SnsQueryProtocol.NAME)));
        var writer = writer(settings(), fastRetries(3));
        for (int i = 0; i < 3; i++) {
            writer.write(delivery(alert(i)), WriterContexts.NONE);
        }
        writer.flush(false);

        List<Map<String, String>> batches = publishBatches();
        assertThat(batches).extracting(SnsAlertSinkTest::entries).containsExactly(3, 1);
        assertThat(message(batches.get(1), 1)).isEqualTo(message(batches.get(0), 2));
        List<DeliveryFailure> dead = DeliveryFailures.read(undelivered());
        assertThat(dead).hasSize(1);
        DeliveryFailure refused = dead.get(0);
        assertThat(refused.alertId).isEqualTo(alert(2).alertId);
        assertThat(refused.reason).isEqualTo(DeliveryFailure.REJECTED);
        assertThat(refused.channel).isEqualTo("sns");
        assertThat(refused.destination).isEqualTo(TOPIC);
        assertThat(refused.error).contains("InvalidParameter");
        assertThat(refused.attempts).isEqualTo(1);
        assertThat(JSON.readTree(refused.alert).get("alertId").asText())
                .isEqualTo(alert(2).alertId);
        writer.close();
    }

    @Test
    void throttlingAndServerErrorsAreRetriedWithBackoffUntilDelivered() throws Exception {
        SNS.stubFor(
                post(urlEqualTo("/"))
                        .inScenario("throttled")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                SnsQueryProtocol.error(
                                                        "Sender", "Throttled", "Rate exceeded")))
                        .willSetStateTo("unavailable"));
        SNS.stubFor(
                post(urlEqualTo("/"))
                        .inScenario("throttled")
                        .whenScenarioStateIs("unavailable")
                        .willReturn(
                                aResponse()
                                        .withStatus(503)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                SnsQueryProtocol.error(
                                                        "Receiver",
                                                        "ServiceUnavailable",
                                                        "Try again")))
                        .willSetStateTo("ok"));
        SNS.stubFor(
                post(urlEqualTo("/"))
                        .inScenario("throttled")
                        .whenScenarioStateIs("ok")
                        .willReturn(aResponse().withTransformers(SnsQueryProtocol.NAME)));
        var writer = writer(settings(), RetrySettings.of(5, 400, 2000));
        writer.write(delivery(alert(1)), WriterContexts.NONE);
        writer.write(delivery(alert(2)), WriterContexts.NONE);
        writer.flush(false);

        List<LoggedRequest> requests = SNS.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(requests).hasSize(3);
        for (LoggedRequest r : requests) {
            assertThat(entries(FormBody.parse(r.getBodyAsString()))).isEqualTo(2);
            assertThat(r.getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        }
        // Backoff: at least half of 400 ms, then half of 800 ms, between the attempts.
        long first = requests.get(0).getLoggedDate().getTime();
        long second = requests.get(1).getLoggedDate().getTime();
        long third = requests.get(2).getLoggedDate().getTime();
        assertThat(second - first).isGreaterThanOrEqualTo(190);
        assertThat(third - second).isGreaterThanOrEqualTo(390);
        assertThat(DeliveryFailures.read(undelivered())).isEmpty();
        writer.close();
    }

    @Test
    void permanentFailureGoesToTheDeadLettersAtOnce() throws Exception {
        SNS.stubFor(
                post(urlEqualTo("/"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                SnsQueryProtocol.error(
                                                        "Sender",
                                                        "NotFound",
                                                        "Topic does not exist"))));
        var writer = writer(settings(), fastRetries(4));
        writer.write(delivery(alert(1)), WriterContexts.NONE);
        writer.flush(false);

        assertThat(SNS.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(1);
        List<DeliveryFailure> dead = DeliveryFailures.read(undelivered());
        assertThat(dead)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.reason).isEqualTo(DeliveryFailure.REJECTED);
                            assertThat(f.error)
                                    .contains("HTTP 404")
                                    .contains("NotFound")
                                    .contains("Topic does not exist");
                            assertThat(f.attempts).isEqualTo(1);
                        });
        writer.close();
    }

    @Test
    void transientFailureThatOutlastsTheRetriesGoesToTheDeadLetters() throws Exception {
        SNS.stubFor(
                post(urlEqualTo("/"))
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                SnsQueryProtocol.error(
                                                        "Receiver",
                                                        "InternalError",
                                                        "Internal error"))));
        var writer = writer(settings(), fastRetries(3));
        writer.write(delivery(alert(1)), WriterContexts.NONE);
        writer.flush(false);

        assertThat(SNS.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(3);
        assertThat(DeliveryFailures.read(undelivered()))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.reason).isEqualTo(DeliveryFailure.RETRIES_EXHAUSTED);
                            assertThat(f.attempts).isEqualTo(3);
                            assertThat(f.error).contains("InternalError");
                            assertThat(f.alertId).isEqualTo(alert(1).alertId);
                        });
        writer.close();
    }

    @Test
    void checkpointFlushSendsWhatIsBufferedAndLeavesNothingInState() throws Exception {
        answerAll();
        var writer = writer(settings(), fastRetries(3));
        for (int i = 0; i < 3; i++) {
            writer.write(delivery(alert(i)), WriterContexts.NONE);
        }
        assertThat(SNS.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();

        writer.flush(false); // what Flink calls before a checkpoint barrier

        assertThat(publishBatches()).extracting(SnsAlertSinkTest::entries).containsExactly(3);
        assertThat(writer.snapshotState(1))
                .singleElement()
                .satisfies(state -> assertThat(state.getBufferedRequestEntries()).isEmpty());
        writer.close();
    }

    @Test
    void messagesInACheckpointAreSentByTheRestoredWriter() throws Exception {
        SnsPublishEntry entry =
                new SnsEntryConverter(SnsMessageFormat.JSON)
                        .apply(delivery(alert(7)), WriterContexts.NONE);
        SnsPublishEntrySerializer serializer = new SnsPublishEntrySerializer();
        byte[] checkpoint =
                serializer.serialize(
                        new BufferedRequestState<>(
                                List.of(
                                        new org.apache.flink.connector.base.sink.writer
                                                .RequestEntryWrapper<>(
                                                entry, entry.sizeInBytes()))));
        BufferedRequestState<SnsPublishEntry> restored =
                serializer.deserialize(serializer.getVersion(), checkpoint);
        answerAll();

        var writer =
                sink(SnsAlertSink::new, settings(), fastRetries(3), undelivered())
                        .restoreWriter(new TestWriterContext(), List.of(restored));
        writer.flush(false);

        List<Map<String, String>> batches = publishBatches();
        assertThat(batches).hasSize(1);
        assertThat(message(batches.get(0), 1)).isEqualTo(AlertJson.toJson(alert(7)));
        assertThat(new DataInputStream(new ByteArrayInputStream(checkpoint)).available())
                .isPositive();
        writer.close();
    }

    @Test
    void oversizedEvidenceIsTrimmedIntoAValidMessageWithinTheLimit() throws Exception {
        answerAll();
        Alert big = alert(1);
        big.evidence.fields =
                new EvidenceField[] {
                    new EvidenceField(
                            "policyDocument", "{\"Statement\":\"" + "A".repeat(400_000) + "\"}")
                };
        var writer = writer(settings(), fastRetries(3));
        writer.write(delivery(big), WriterContexts.NONE);
        writer.flush(false);

        Map<String, String> form = publishBatches().get(0);
        String body = message(form, 1);
        assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(256 * 1024);
        JsonNode json = JSON.readTree(body);
        assertThat(json.at("/evidence/trimmed").asBoolean()).isTrue();
        assertThat(json.at("/evidence/fields/policyDocument").asText())
                .endsWith(AlertTrimmer.MARKER);
        assertThat(Schemas.alertErrors(body)).isEmpty();
        writer.close();
    }

    @Test
    void chatbotFormatAndFifoTopics() throws Exception {
        answerAll();
        SnsSettings s = settings();
        s.format = SnsMessageFormat.CHATBOT;
        String fifo = "arn:aws:sns:eu-west-1:111122223333:payments-alerts.fifo";
        var writer = writer(s, fastRetries(3));
        writer.write(
                new AlertDelivery(alert(1), DeliveryChannel.SNS, fifo, fifo, "owner"),
                WriterContexts.NONE);
        writer.write(
                new AlertDelivery(
                        securityGroupOpened(
                                "e-9",
                                "2026-10-14T09:00:00Z",
                                "sg-0a1b2c3d4e5f60009",
                                owner("data", TOPIC)),
                        DeliveryChannel.SNS,
                        TOPIC,
                        TOPIC,
                        "owner"),
                WriterContexts.NONE);
        writer.flush(false);

        List<Map<String, String>> batches = publishBatches();
        assertThat(batches).hasSize(2); // one PublishBatch per topic
        Map<String, String> toFifo =
                batches.stream()
                        .filter(b -> fifo.equals(b.get("TopicArn")))
                        .findFirst()
                        .orElseThrow();
        String p = "PublishBatchRequestEntries.member.1.";
        assertThat(toFifo)
                .containsEntry(p + "MessageGroupId", "payments")
                .containsEntry(p + "MessageDeduplicationId", alert(1).alertId)
                .doesNotContainKey(p + "Subject");
        JsonNode chatbot = JSON.readTree(toFifo.get(p + "Message"));
        assertThat(chatbot.get("version").asText()).isEqualTo("1.0");
        assertThat(chatbot.get("source").asText()).isEqualTo("custom");
        assertThat(chatbot.at("/content/title").asText()).contains("CRITICAL");
        writer.close();
    }

    @Test
    void requestsInFlightAreBounded() throws Exception {
        SNS.stubFor(
                post(urlEqualTo("/"))
                        .willReturn(
                                aResponse()
                                        .withTransformers(SnsQueryProtocol.NAME)
                                        .withFixedDelay(300)));
        SnsSettings s = settings();
        s.maxInFlightRequests = 1;
        var writer = writer(s, fastRetries(3));
        for (int i = 0; i < 30; i++) {
            writer.write(delivery(alert(i)), WriterContexts.NONE);
        }
        writer.flush(true);

        List<Long> received =
                SNS.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                        .map(r -> r.getLoggedDate().getTime())
                        .sorted()
                        .toList();
        assertThat(received).hasSize(3);
        // One request at a time: each is sent only after the previous one's 300 ms answer.
        assertThat(received.get(1) - received.get(0)).isGreaterThanOrEqualTo(290);
        assertThat(received.get(2) - received.get(1)).isGreaterThanOrEqualTo(290);
        writer.close();
    }
}
