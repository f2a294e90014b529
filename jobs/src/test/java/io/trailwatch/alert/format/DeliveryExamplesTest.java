package io.trailwatch.alert.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trailwatch.alert.AlertIds;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.Schemas;
import io.trailwatch.alert.TestAlerts;
import io.trailwatch.config.SnsMessageFormat;
import io.trailwatch.model.Alert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples in docs/examples (shown in the README) are what the formatters produce today.
 * Regenerate them, and the PNG of the Slack message, with {@code mvn test
 * -Dtest=DeliveryExamplesTest -Dtrailwatch.writeExamples=true}.
 */
class DeliveryExamplesTest {
    private static final Path DOCS = Path.of("..", "docs", "examples");
    private static final ObjectMapper PRETTY =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Alert example() {
        Alert a =
                TestAlerts.securityGroupOpened(
                        "6f1c2a7e-3b4d-4c5e-8f90-a1b2c3d4e5f6",
                        "2026-10-14T09:12:31Z",
                        "sg-0a1b2c3d4e5f60001",
                        TestAlerts.payments());
        a.detectedAt = Instant.parse("2026-10-14T09:12:36.412Z").toEpochMilli();
        return a;
    }

    static Alert followUp() {
        Alert first = example();
        Alert f = first.copy();
        f.alertId = AlertIds.followUp(first.ruleId, first.alertId);
        f.followUpOf = first.alertId;
        f.suppressedCount = 4;
        f.eventTime = Instant.parse("2026-10-14T09:20:02Z").toEpochMilli();
        f.detectedAt = Instant.parse("2026-10-14T10:12:31.420Z").toEpochMilli();
        f.evidence =
                new io.trailwatch.model.Evidence(
                        4,
                        Instant.parse("2026-10-14T09:20:02Z").toEpochMilli(),
                        Instant.parse("2026-10-14T09:51:47Z").toEpochMilli(),
                        new String[] {
                            "0b2d4f61-8a9c-4e1f-b2d3-c4e5f6a7b8c9",
                            "1c3e5a72-9bad-4f20-83e4-d5f6a7b8c9d0",
                            "2d4f6b83-acbe-4031-94f5-e6a7b8c9d0e1",
                            "3e5a7c94-bdcf-4142-a506-f7b8c9d0e1f2"
                        },
                        first.evidence.fields);
        return f;
    }

    static Map<String, String> rendered() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("alert.json", pretty(AlertJson.toJson(example())));
        files.put("follow-up.json", pretty(AlertJson.toJson(followUp())));
        files.put(
                "slack-message.json",
                PRETTY.writeValueAsString(
                                SlackMessages.render(example(), "#payments-alerts", "owner"))
                        + "\n");
        files.put(
                "slack-follow-up.json",
                PRETTY.writeValueAsString(
                                SlackMessages.render(followUp(), "#payments-alerts", "owner"))
                        + "\n");
        files.put(
                "chatbot-notification.json",
                pretty(SnsMessages.render(example(), SnsMessageFormat.CHATBOT).body));
        return files;
    }

    private static String pretty(String json) throws Exception {
        return PRETTY.writeValueAsString(PRETTY.readTree(json)) + "\n";
    }

    @Test
    void examplesInTheDocsAreCurrent() throws Exception {
        Map<String, String> files = rendered();
        if (Boolean.getBoolean("trailwatch.writeExamples")) {
            Files.createDirectories(DOCS);
            for (Map.Entry<String, String> e : files.entrySet()) {
                Files.writeString(DOCS.resolve(e.getKey()), e.getValue());
            }
            System.setProperty("java.awt.headless", "true");
            SlackPreview.render(
                    PRETTY.readTree(files.get("slack-message.json")),
                    DOCS.resolve("slack-message.png"));
            SlackPreview.render(
                    PRETTY.readTree(files.get("slack-follow-up.json")),
                    DOCS.resolve("slack-follow-up.png"));
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            assertThat(DOCS.resolve(e.getKey())).as(e.getKey()).hasContent(e.getValue());
        }
        assertThat(Schemas.alertErrors(files.get("alert.json"))).isEmpty();
        assertThat(Schemas.alertErrors(files.get("follow-up.json"))).isEmpty();
        for (String slack : new String[] {"slack-message.json", "slack-follow-up.json"}) {
            JsonNode message = PRETTY.readTree(files.get(slack));
            SlackLimitsAssert.assertWithinLimits(message);
        }
    }
}
