package io.trailwatch.alert.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.model.Alert;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;

/**
 * An alert as an AWS Chatbot (Amazon Q Developer in chat applications) custom notification: {@code
 * {"version":"1.0","source":"custom","content":{…},"metadata":{…}}}. Published to an SNS topic that
 * Chatbot subscribes to, it shows in the mapped Slack or Teams channel with no Lambda in between.
 * Follow-ups carry the first alert's id as {@code threadId}, so they thread under it.
 */
public final class ChatbotNotifications {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final int TITLE = 250;
    static final int DESCRIPTION = 3500;
    static final int VALUE = 200;

    private ChatbotNotifications() {}

    public static ObjectNode render(Alert a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("version", "1.0");
        n.put("source", "custom");
        n.put("id", a.alertId);

        ObjectNode content = n.putObject("content");
        content.put("textType", "client-markdown");
        content.put(
                "title",
                Texts.clip(
                        Severities.emoji(a.severity)
                                + " "
                                + a.severity
                                + (a.isFollowUp() ? " · follow-up · " : " · ")
                                + Texts.mrkdwn(a.title),
                        TITLE));
        content.put("description", Texts.clip(description(a), DESCRIPTION));
        content.putArray("nextSteps").add(Texts.clip(Texts.mrkdwn(a.remediation), 1000));
        ArrayNode keywords = content.putArray("keywords");
        keywords.add(Texts.mrkdwn(a.ruleId));
        keywords.add(a.severity.name());
        keywords.add(Texts.mrkdwn(team(a)));
        if (a.owner != null && a.owner.environment != null) {
            keywords.add(Texts.mrkdwn(a.owner.environment));
        }
        if (a.account != null) {
            keywords.add(Texts.mrkdwn(a.account));
        }

        // Shown in the channel (summary as the notification text): escaped like the content.
        // threadId, eventType, relatedResources and additionalContext are not shown; they are
        // data for threading and custom actions and keep their values as they are.
        ObjectNode metadata = n.putObject("metadata");
        metadata.put("threadId", a.isFollowUp() ? a.followUpOf : a.alertId);
        metadata.put("summary", Texts.clip("[" + a.severity + "] " + Texts.mrkdwn(a.title), TITLE));
        metadata.put("eventType", a.ruleId);
        ArrayNode related = metadata.putArray("relatedResources");
        if (a.resource != null) {
            related.add(a.resource);
        }
        if (a.principal != null && !a.principal.equals(a.resource)) {
            related.add(a.principal);
        }
        ObjectNode context = metadata.putObject("additionalContext");
        context.put("alertId", a.alertId);
        context.put("ruleId", a.ruleId);
        context.put("severity", a.severity.name());
        context.put("team", team(a));
        putIfSet(context, "environment", a.owner == null ? null : a.owner.environment);
        putIfSet(context, "account", a.account);
        putIfSet(context, "region", a.region);
        context.put("eventTime", AlertJson.iso(a.eventTime));
        if (a.isFollowUp()) {
            context.put("followUpOf", a.followUpOf);
            context.put("suppressedCount", Long.toString(a.suppressedCount));
        }
        return n;
    }

    /**
     * The description is rendered as the chat platform's markdown (Slack mrkdwn in Slack): every
     * value from the alert is escaped, and values in code spans lose their backticks and line
     * breaks, as in {@link SlackMessages}.
     */
    private static String description(Alert a) {
        StringBuilder s = new StringBuilder();
        if (a.isFollowUp()) {
            s.append("*")
                    .append(a.suppressedCount)
                    .append(" more* like alert ")
                    .append(Texts.code(a.followUpOf))
                    .append(", folded into this follow-up.\n");
        }
        Owner o = a.owner;
        s.append("*Owner:* ")
                .append(
                        o == null || o.isUnowned()
                                ? "unowned — no ownership-table row matches"
                                : Texts.mrkdwn(o.team)
                                        + (o.environment != null
                                                ? " (" + Texts.mrkdwn(o.environment) + ")"
                                                : "")
                                        + (o.contact != null
                                                ? " · " + Texts.mrkdwn(o.contact)
                                                : ""))
                .append('\n');
        s.append("*Account:* ")
                .append(a.account == null ? "–" : Texts.mrkdwn(a.account))
                .append(a.region == null ? "" : " · " + Texts.mrkdwn(a.region))
                .append('\n');
        s.append("*Principal:* ").append(Texts.code(Texts.clip(a.principal, 500))).append('\n');
        s.append("*Resource:* ").append(Texts.code(Texts.clip(a.resource, 500))).append('\n');
        s.append("*Rule:* ")
                .append(Texts.mrkdwn(a.ruleId))
                .append(" · ")
                .append(a.responsibility.id())
                .append(
                        a.controls.length > 0
                                ? " · " + Texts.mrkdwn(String.join(", ", a.controls))
                                : "")
                .append('\n');
        s.append("*Evidence:* ")
                .append(a.evidence.count)
                .append(a.evidence.count == 1 ? " event, " : " events, ")
                .append(AlertJson.iso(a.evidence.firstSeen));
        if (a.evidence.lastSeen != a.evidence.firstSeen) {
            s.append(" – ").append(AlertJson.iso(a.evidence.lastSeen));
        }
        if (a.evidence.fields != null) {
            for (EvidenceField f : a.evidence.fields) {
                s.append("\n• ")
                        .append(Texts.mrkdwn(f.name))
                        .append(": ")
                        .append(Texts.code(Texts.clip(f.value, VALUE)));
            }
        }
        s.append("\n_Trailwatch alert ").append(a.alertId).append('_');
        return s.toString();
    }

    private static String team(Alert a) {
        return a.owner == null ? Owner.UNOWNED_TEAM : a.owner.team;
    }

    private static void putIfSet(ObjectNode n, String name, String value) {
        if (value != null && !value.isEmpty()) {
            n.put(name, value);
        }
    }
}
