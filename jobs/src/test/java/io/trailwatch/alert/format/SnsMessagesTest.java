package io.trailwatch.alert.format;

import static io.trailwatch.alert.TestAlerts.payments;
import static io.trailwatch.alert.TestAlerts.securityGroupOpened;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.Schemas;
import io.trailwatch.alert.TestAlerts;
import io.trailwatch.config.SnsMessageFormat;
import io.trailwatch.model.Alert;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnerAttribute;
import org.junit.jupiter.api.Test;

/** SNS messages: body, subject, attributes, the 256 KiB limit, the Chatbot format. */
class SnsMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Alert alert() {
        return securityGroupOpened(
                "e-1", "2026-10-14T09:00:00Z", "sg-0a1b2c3d4e5f60001", payments());
    }

    @Test
    void bodyIsTheAlertJsonWithFilterableAttributesAndAnAsciiSubject() {
        SnsMessage m = SnsMessages.render(alert(), SnsMessageFormat.JSON);

        assertThat(m.body).isEqualTo(AlertJson.toJson(alert()));
        assertThat(m.attributeNames)
                .containsExactly("severity", "ruleId", "team", "account", "environment");
        assertThat(m.attributeValues)
                .containsExactly("CRITICAL", "TW-NET-01", "payments", "111122223333", "prod");
        assertThat(m.subject)
                .isEqualTo(
                        "[CRITICAL] Security group sg-0a1b2c3d4e5f60001 opened to the internet on port 22 (111122223333)")
                .hasSizeLessThan(100);
    }

    @Test
    void absentValuesLeaveTheirAttributeOutBecauseSnsRefusesEmptyOnes() {
        Alert a = alert();
        a.owner = Owner.unowned();
        a.account = null;

        SnsMessage m = SnsMessages.render(a, SnsMessageFormat.JSON);

        assertThat(m.attributeNames).containsExactly("severity", "ruleId", "team");
        assertThat(m.attributeValues).containsExactly("CRITICAL", "TW-NET-01", "unowned");
    }

    @Test
    void subjectIsAsciiWithoutLineBreaksAndShort() {
        Alert a = alert();
        a.title = "Zugriff für „Mallory“ —\nöffentlich " + "x".repeat(200);

        String subject = SnsMessages.render(a, SnsMessageFormat.JSON).subject;

        assertThat(subject).hasSizeLessThan(100).matches("[\\x20-\\x7e]+").endsWith("...");
    }

    @Test
    void oversizedEvidenceIsTrimmedWithAMarkerAndStaysAValidAlert() throws Exception {
        Alert a = alert();
        a.evidence.fields =
                new EvidenceField[] {
                    new EvidenceField(
                            "policy",
                            "{\"Statement\":[" + "\"s3:GetObject\",".repeat(40_000) + "]}"),
                    new EvidenceField("cidr", "0.0.0.0/0")
                };

        SnsMessage m = SnsMessages.render(a, SnsMessageFormat.JSON);

        assertThat(m.sizeInBytes()).isLessThanOrEqualTo(SnsMessages.MAX_BYTES);
        JsonNode body = JSON.readTree(m.body);
        assertThat(body.at("/evidence/trimmed").asBoolean()).isTrue();
        assertThat(body.at("/evidence/fields/policy").asText()).endsWith(AlertTrimmer.MARKER);
        assertThat(body.at("/evidence/fields/cidr").asText()).isEqualTo("0.0.0.0/0");
        assertThat(body.get("alertId").asText()).isEqualTo(a.alertId);
        assertThat(Schemas.alertErrors(m.body)).isEmpty();
    }

    @Test
    void trimsOwnerAttributesLastAndGivesUpRatherThanSendInvalidJson() {
        Alert a = alert();
        a.owner =
                new Owner(
                        "payments",
                        "prod",
                        "#p",
                        new String[0],
                        "111122223333",
                        new OwnerAttribute[] {new OwnerAttribute("notes", "n".repeat(300_000))});
        SnsMessage m = SnsMessages.render(a, SnsMessageFormat.JSON);
        assertThat(m.sizeInBytes()).isLessThanOrEqualTo(SnsMessages.MAX_BYTES);
        assertThat(Schemas.alertErrors(m.body)).isEmpty();

        a.title = "T".repeat(300_000);
        assertThat(SnsMessages.render(a, SnsMessageFormat.JSON)).isNull();
    }

    @Test
    void chatbotFormatIsACustomNotification() throws Exception {
        Alert f = alert();
        f.followUpOf = "tw-0123456789abcdef0123456789abcdef";
        f.suppressedCount = 4;

        JsonNode n = JSON.readTree(SnsMessages.render(f, SnsMessageFormat.CHATBOT).body);

        assertThat(n.get("version").asText()).isEqualTo("1.0");
        assertThat(n.get("source").asText()).isEqualTo("custom");
        assertThat(n.get("id").asText()).isEqualTo(f.alertId);
        assertThat(n.at("/content/textType").asText()).isEqualTo("client-markdown");
        assertThat(n.at("/content/title").asText())
                .isEqualTo(":red_circle: CRITICAL · follow-up · " + f.title);
        assertThat(n.at("/content/description").asText())
                .startsWith("*4 more* like alert `tw-0123456789abcdef0123456789abcdef`")
                .contains("*Owner:* payments (prod) · #payments-alerts")
                .contains("*Principal:* `arn:aws:iam::111122223333:user/mallory`")
                .contains("• cidr: `0.0.0.0/0`");
        assertThat(n.at("/content/nextSteps/0").asText()).startsWith("Remove the 0.0.0.0/0 rule");
        assertThat(n.at("/content/keywords").toString())
                .contains("TW-NET-01", "CRITICAL", "payments");
        // Follow-ups thread under the first alert.
        assertThat(n.at("/metadata/threadId").asText()).isEqualTo(f.followUpOf);
        assertThat(n.at("/metadata/eventType").asText()).isEqualTo("TW-NET-01");
        assertThat(n.at("/metadata/relatedResources").toString()).contains("sg-0a1b2c3d4e5f60001");
        assertThat(n.at("/metadata/additionalContext/suppressedCount").asText()).isEqualTo("4");
    }

    @Test
    void chatbotNotificationEscapesEveryValueShownInTheChannel() throws Exception {
        Alert a = TestAlerts.withMarkupEverywhere();
        a.followUpOf = "tw-0123456789abcdef0123456789abcdef";
        a.suppressedCount = 2;

        JsonNode n = JSON.readTree(SnsMessages.render(a, SnsMessageFormat.CHATBOT).body);

        MarkupAssert.assertNoSlackMarkup("title", n.at("/content/title").asText());
        MarkupAssert.assertNoSlackMarkup("description", n.at("/content/description").asText());
        MarkupAssert.assertNoSlackMarkup("summary", n.at("/metadata/summary").asText());
        for (String list : new String[] {"/content/nextSteps", "/content/keywords"}) {
            n.at(list).forEach(v -> MarkupAssert.assertNoSlackMarkup(list, v.asText()));
        }
        assertThat(n.at("/content/description").asText())
                .contains("*Owner:* payments &lt;!channel&gt; &lt;@U0ADMIN&gt;")
                .contains("*Account:* 1111 &lt;!channel&gt;")
                .contains("• name &lt;!channel&gt; &lt;@U0ADMIN&gt;")
                // A code span cannot be closed early by a backtick or a line break in the value.
                .contains("• policy: `'&lt;!channel&gt;")
                .contains("&amp;amp;' next line`");
        // Not shown in the channel: kept as they are for custom actions.
        assertThat(n.at("/metadata/additionalContext/team").asText())
                .isEqualTo("payments " + TestAlerts.MARKUP);
    }
}
