package io.trailwatch.alert.format;

import static io.trailwatch.alert.TestAlerts.payments;
import static io.trailwatch.alert.TestAlerts.securityGroupOpened;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.alert.TestAlerts;
import io.trailwatch.model.Alert;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block Kit messages: the content an owner needs, within Slack's limits. */
class SlackMessagesTest {
    static final String SG = "sg-0a1b2c3d4e5f60001";

    static Alert alert() {
        return securityGroupOpened("e-1", "2026-10-14T09:00:00Z", SG, payments());
    }

    @Test
    void showsSeverityTitleOwnerAccountPrincipalResourceEvidenceAndRemediation() {
        JsonNode m = SlackMessages.render(alert(), "#payments-alerts", "owner");
        String all = m.toString();

        assertThat(m.get("text").asText())
                .startsWith(
                        "[CRITICAL] Security group " + SG + " opened to the internet on port 22")
                .contains("payments")
                .contains("111122223333");
        assertThat(m.at("/blocks/0/type").asText()).isEqualTo("header");
        assertThat(m.at("/blocks/0/text/text").asText())
                .isEqualTo(
                        ":red_circle: CRITICAL · Security group "
                                + SG
                                + " opened to the internet on port 22");
        assertThat(all)
                .contains("*Owner*\\npayments (prod) · #payments-alerts")
                .contains("*Account*\\n111122223333 · eu-west-1")
                .contains("`arn:aws:iam::111122223333:user/mallory`")
                .contains("`" + SG + "`")
                .contains("• cidr: `0.0.0.0/0`")
                .contains("*Remediation*\\nRemove the 0.0.0.0/0 rule")
                .contains("Trailwatch alert `" + alert().alertId + "`")
                .contains("for #payments-alerts");
        SlackLimitsAssert.assertWithinLimits(m);
    }

    @Test
    void followUpSaysHowManyWereFolded() {
        Alert f = alert();
        f.followUpOf = "tw-0123456789abcdef0123456789abcdef";
        f.suppressedCount = 4;

        JsonNode m = SlackMessages.render(f, "#payments-alerts", "owner");

        assertThat(m.get("text").asText()).startsWith("[CRITICAL] Follow-up (4 more): ");
        assertThat(m.at("/blocks/0/text/text").asText()).contains("CRITICAL · follow-up · ");
        assertThat(m.at("/blocks/1/text/text").asText())
                .startsWith("*4 more* like alert `tw-0123456789abcdef0123456789abcdef`");
    }

    @Test
    void unownedAndDefaultRoutingAreExplained() {
        Alert a = alert();
        a.owner = Owner.unowned();

        JsonNode m = SlackMessages.render(a, "#secops", "unowned");

        assertThat(m.toString())
                .contains(":warning: *unowned* — no ownership-table row matches")
                .contains("nobody owns this account");
    }

    @Test
    void escapesSlackControlCharacters() {
        Alert a = alert();
        a.evidence.fields = new EvidenceField[] {new EvidenceField("policy", "<script>&`x`")};

        String all = SlackMessages.render(a, "#x", "owner").toString();

        assertThat(all).contains("`&lt;script&gt;&amp;'x'`").doesNotContain("<script>");
    }

    @Test
    void noValueOfTheAlertCanMentionOrLinkInTheTextOrAnyBlock() {
        Alert a = TestAlerts.withMarkupEverywhere();
        for (String reason : new String[] {"owner", "unowned", "severity", "fallback"}) {
            JsonNode m = SlackMessages.render(a, "#payments " + TestAlerts.MARKUP, reason);

            // The notification text is mrkdwn too, and the one a phone shows.
            MarkupAssert.assertNoSlackMarkup("text", m.get("text").asText());
            assertThat(m.get("text").asText())
                    .contains("&lt;!channel&gt; &lt;@U0ADMIN&gt;")
                    .contains("— payments &lt;!channel&gt;");
            List<String[]> texts = MarkupAssert.mrkdwnTexts(m.get("blocks"), "blocks");
            assertThat(texts).hasSizeGreaterThan(8);
            for (String[] t : texts) {
                MarkupAssert.assertNoSlackMarkup(t[0], t[1]);
            }
            // Slack does not turn plain words of the data into links or mentions either.
            m.get("blocks")
                    .findParents("type")
                    .forEach(
                            o -> {
                                if (o.get("type").asText().equals("mrkdwn")) {
                                    assertThat(o.path("verbatim").asBoolean()).isTrue();
                                }
                            });
        }
        JsonNode m = SlackMessages.render(a, "#payments", "owner");
        assertThat(m.toString())
                .contains(
                        "payments &lt;!channel&gt; &lt;@U0ADMIN&gt; &lt;https://evil.example|log in&gt; &amp;amp; (prod")
                .contains("`value &lt;!channel&gt;")
                .contains("'&lt;!channel&gt;");
    }

    @Test
    void hugeAlertsStayWithinSlacksBlockAndTextLimits() {
        Alert a = alert();
        a.title = "T".repeat(5_000);
        a.resource = "r".repeat(5_000);
        a.principal = "p".repeat(5_000);
        a.remediation = "Do this. ".repeat(2_000);
        a.controls = new String[400];
        java.util.Arrays.fill(a.controls, "CIS-5.2");
        EvidenceField[] fields = new EvidenceField[200];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new EvidenceField("field" + i, "v".repeat(10_000));
        }
        a.evidence.fields = fields;
        a.evidence.eventIds = new String[] {"x".repeat(9_000)};
        a.owner = new Owner("t".repeat(3_000), "e".repeat(3_000), "#c", new String[0], null, null);

        SlackLimitsAssert.assertWithinLimits(SlackMessages.render(a, "#payments-alerts", "owner"));
    }
}
