package io.trailwatch.alert.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as a Slack Block Kit message for an incoming webhook: severity and title, owner,
 * account, principal, resource, evidence, remediation; every text within Slack's limits ({@link
 * SlackLimits}).
 */
public final class SlackMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Each evidence value in the message; the full value is in the JSON alert. */
    static final int EVIDENCE_VALUE = 300;

    private SlackMessages() {}

    public static ObjectNode render(AlertDelivery delivery) {
        return render(delivery.alert, delivery.recipient, delivery.reason);
    }

    /**
     * @param recipient the channel the message is meant for
     * @param reason why it goes there (see {@link AlertDelivery#reason})
     */
    public static ObjectNode render(Alert a, String recipient, String reason) {
        ObjectNode message = MAPPER.createObjectNode();
        message.put("text", Texts.clip(summary(a), SlackLimits.MESSAGE_TEXT));
        ArrayNode blocks = message.putArray("blocks");

        blocks.add(
                header(
                        Severities.emoji(a.severity)
                                + " "
                                + a.severity
                                + (a.isFollowUp() ? " · follow-up · " : " · ")
                                + a.title));
        if (a.isFollowUp()) {
            blocks.add(
                    section(
                            String.format(
                                    "*%d more* like alert %s between %s and %s — folded into this"
                                            + " follow-up instead of one message each.",
                                    a.suppressedCount,
                                    Texts.code(a.followUpOf),
                                    AlertJson.iso(a.evidence.firstSeen),
                                    AlertJson.iso(a.evidence.lastSeen))));
        }
        List<String> fields = new ArrayList<>();
        fields.add(field("Rule", Texts.mrkdwn(a.ruleId + " · " + a.responsibility.id())));
        fields.add(field("Owner", owner(a.owner)));
        fields.add(
                field(
                        "Account",
                        Texts.mrkdwn(orDash(a.account))
                                + (a.region != null ? " · " + Texts.mrkdwn(a.region) : "")));
        fields.add(field("Event time", AlertJson.iso(a.eventTime)));
        fields.add(field("Principal", Texts.code(Texts.clip(a.principal, 500))));
        fields.add(field("Resource", Texts.code(Texts.clip(a.resource, 500))));
        if (a.controls != null && a.controls.length > 0) {
            fields.add(field("Controls", Texts.mrkdwn(String.join(", ", a.controls))));
        }
        blocks.add(fields(fields));
        blocks.add(section(evidence(a)));
        blocks.add(section("*Remediation*\n" + Texts.mrkdwn(a.remediation)));
        blocks.add(context(footer(a, recipient, reason)));
        return message;
    }

    /**
     * One line: the notification text and the fallback for clients without blocks. Slack parses it
     * as mrkdwn, so the title, team and account are escaped like the blocks' text.
     */
    static String summary(Alert a) {
        String team = a.owner == null ? Owner.UNOWNED_TEAM : a.owner.team;
        return "["
                + a.severity
                + "] "
                + (a.isFollowUp() ? "Follow-up (" + a.suppressedCount + " more): " : "")
                + Texts.mrkdwn(a.title)
                + " — "
                + Texts.mrkdwn(team)
                + (a.account != null ? ", account " + Texts.mrkdwn(a.account) : "");
    }

    private static String owner(Owner o) {
        if (o == null || o.isUnowned()) {
            return ":warning: *unowned* — no ownership-table row matches";
        }
        StringBuilder s = new StringBuilder(Texts.mrkdwn(o.team));
        if (o.environment != null) {
            s.append(" (").append(Texts.mrkdwn(o.environment)).append(")");
        }
        if (o.contact != null) {
            s.append(" · ").append(Texts.mrkdwn(o.contact));
        }
        return s.toString();
    }

    private static String evidence(Alert a) {
        StringBuilder s = new StringBuilder("*Evidence* · ");
        s.append(a.evidence.count)
                .append(a.evidence.count == 1 ? " event" : " events")
                .append(", ")
                .append(AlertJson.iso(a.evidence.firstSeen));
        if (a.evidence.lastSeen != a.evidence.firstSeen) {
            s.append(" – ").append(AlertJson.iso(a.evidence.lastSeen));
        }
        if (a.evidence.fields != null) {
            for (EvidenceField f : a.evidence.fields) {
                s.append("\n• ")
                        .append(Texts.mrkdwn(f.name))
                        .append(": ")
                        .append(Texts.code(Texts.clip(f.value, EVIDENCE_VALUE)));
            }
        }
        if (a.evidence.eventIds != null && a.evidence.eventIds.length > 0) {
            s.append("\nEvents: ");
            for (int i = 0; i < a.evidence.eventIds.length; i++) {
                s.append(i == 0 ? "" : ", ")
                        .append(Texts.code(Texts.clip(a.evidence.eventIds[i], 120)));
            }
        }
        return s.toString();
    }

    private static String footer(Alert a, String recipient, String reason) {
        String why;
        if ("unowned".equals(reason)) {
            why = "sent to the default destination: nobody owns this account";
        } else if ("severity".equals(reason)) {
            why = "sent to the default destination for " + a.severity + " alerts";
        } else if ("fallback".equals(reason)) {
            why =
                    "sent to the default destination: no webhook serves the owner's contact "
                            + orDash(a.owner == null ? null : a.owner.contact);
        } else {
            why = "for " + orDash(recipient);
        }
        return "Trailwatch alert "
                + Texts.code(a.alertId)
                + " · detected "
                + AlertJson.iso(a.detectedAt)
                + " · "
                + Texts.mrkdwn(why);
    }

    /**
     * A header is plain_text: Slack shows it as written and parses neither mentions nor links in
     * it, so its text is not escaped (entities would show as such).
     */
    private static ObjectNode header(String text) {
        ObjectNode b = MAPPER.createObjectNode();
        b.put("type", "header");
        ObjectNode t = b.putObject("text");
        t.put("type", "plain_text");
        t.put("text", Texts.clip(text, SlackLimits.HEADER_TEXT));
        t.put("emoji", true);
        return b;
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode b = MAPPER.createObjectNode();
        b.put("type", "section");
        b.set("text", mrkdwnText(Texts.clip(mrkdwn, SlackLimits.SECTION_TEXT)));
        return b;
    }

    private static ObjectNode fields(List<String> texts) {
        ObjectNode b = MAPPER.createObjectNode();
        b.put("type", "section");
        ArrayNode fields = b.putArray("fields");
        for (String t : texts.subList(0, Math.min(texts.size(), SlackLimits.SECTION_FIELDS))) {
            fields.add(mrkdwnText(Texts.clip(t, SlackLimits.FIELD_TEXT)));
        }
        return b;
    }

    private static ObjectNode context(String mrkdwn) {
        ObjectNode b = MAPPER.createObjectNode();
        b.put("type", "context");
        b.putArray("elements").add(mrkdwnText(Texts.clip(mrkdwn, SlackLimits.SECTION_TEXT)));
        return b;
    }

    /**
     * Verbatim: Slack still renders the markup Trailwatch writes, but does not turn plain words of
     * the alert's data into links, channel links or mentions.
     */
    private static ObjectNode mrkdwnText(String text) {
        ObjectNode t = MAPPER.createObjectNode();
        t.put("type", "mrkdwn");
        t.put("text", text);
        t.put("verbatim", true);
        return t;
    }

    private static String field(String label, String value) {
        return "*" + label + "*\n" + value;
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "–" : s;
    }
}
