package io.trailwatch.alert.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.config.SnsMessageFormat;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Owner;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders alerts for SNS: the body in the configured format, within SNS's 256 KiB (oversized
 * evidence trimmed, see {@link AlertTrimmer}); an e-mail subject; and the message attributes {@code
 * severity}, {@code ruleId}, {@code team}, {@code account}, {@code environment} that subscription
 * filter policies select on.
 */
public final class SnsMessages {
    /** SNS's limit on a message with its attributes (and on a whole PublishBatch). */
    public static final int MAX_BYTES = 256 * 1024;

    /** SNS e-mail subjects: ASCII, no line breaks, fewer than 100 characters. */
    static final int SUBJECT = 99;

    static final String STRING_TYPE = "String";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SnsMessages() {}

    /**
     * @return the message, or {@code null} when the alert cannot be made to fit
     */
    public static SnsMessage render(Alert a, SnsMessageFormat format) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        attribute(names, values, "severity", a.severity.name());
        attribute(names, values, "ruleId", a.ruleId);
        attribute(names, values, "team", a.owner == null ? Owner.UNOWNED_TEAM : a.owner.team);
        attribute(names, values, "account", a.account);
        attribute(names, values, "environment", a.owner == null ? null : a.owner.environment);
        String[] n = names.toArray(new String[0]);
        String[] v = values.toArray(new String[0]);
        int budget = MAX_BYTES - SnsMessage.sizeInBytes("", n, v);

        String body;
        if (format == SnsMessageFormat.CHATBOT) {
            body = write(ChatbotNotifications.render(a));
            if (AlertTrimmer.bytes(body) > budget) {
                return null;
            }
        } else {
            body = AlertTrimmer.fit(AlertJson.toTree(a), budget);
            if (body == null) {
                return null;
            }
        }
        return new SnsMessage(body, subject(a), n, v);
    }

    /** SNS rejects empty attribute values: an absent value leaves the attribute out. */
    private static void attribute(
            List<String> names, List<String> values, String name, String value) {
        if (value != null && !value.isEmpty()) {
            names.add(name);
            values.add(value);
        }
    }

    static String subject(Alert a) {
        String raw =
                "["
                        + a.severity
                        + "] "
                        + (a.isFollowUp() ? "Follow-up: " : "")
                        + a.title
                        + (a.account != null ? " (" + a.account + ")" : "");
        StringBuilder s = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            s.append(c >= 0x20 && c < 0x7f ? c : c == '—' || c == '–' ? '-' : ' ');
        }
        String ascii = s.toString().replaceAll(" {2,}", " ").trim();
        return ascii.length() <= SUBJECT ? ascii : ascii.substring(0, SUBJECT - 3) + "...";
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
