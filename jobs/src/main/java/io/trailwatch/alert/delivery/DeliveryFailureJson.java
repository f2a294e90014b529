package io.trailwatch.alert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.model.DeliveryFailure;
import java.time.Instant;

/** The JSON-lines form of an undeliverable alert, the complete alert embedded for re-sending. */
public final class DeliveryFailureJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeliveryFailureJson() {}

    public static String toJson(DeliveryFailure f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("alertId", f.alertId);
        n.put("ruleId", f.ruleId);
        n.put("channel", f.channel);
        n.put("destination", f.destination);
        n.put("reason", f.reason);
        n.put("error", f.error);
        n.put("attempts", f.attempts);
        n.put("at", AlertJson.iso(f.at));
        try {
            n.set("alert", f.alert == null ? null : MAPPER.readTree(f.alert));
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render delivery failure of " + f.alertId, e);
        }
    }

    /**
     * Reads a line written by {@link #toJson}, e.g. to re-send its alert.
     *
     * @throws IllegalArgumentException when the line is not such JSON
     */
    public static DeliveryFailure fromJson(String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            DeliveryFailure f = new DeliveryFailure();
            f.alertId = text(n, "alertId");
            f.ruleId = text(n, "ruleId");
            f.channel = text(n, "channel");
            f.destination = text(n, "destination");
            f.reason = text(n, "reason");
            f.error = text(n, "error");
            f.attempts = n.path("attempts").asInt();
            f.at = n.hasNonNull("at") ? Instant.parse(n.get("at").asText()).toEpochMilli() : 0;
            f.alert = n.hasNonNull("alert") ? MAPPER.writeValueAsString(n.get("alert")) : null;
            return f;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "not an undelivered-alert line: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** One line for a terminal. */
    public static String toText(DeliveryFailure f) {
        return "undelivered alert "
                + f.alertId
                + " ("
                + f.ruleId
                + ") to "
                + f.channel
                + " "
                + f.destination
                + " ["
                + f.reason
                + " after "
                + f.attempts
                + (f.attempts == 1 ? " attempt" : " attempts")
                + "]: "
                + f.error;
    }
}
