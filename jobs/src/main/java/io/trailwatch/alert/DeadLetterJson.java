package io.trailwatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.model.DeadLetter;

/** The JSON-lines form of a dead letter. */
public final class DeadLetterJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadLetterJson() {}

    public static String toJson(DeadLetter d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reason", d.reason);
        n.put("detail", d.detail);
        n.put("origin", d.origin);
        n.put("excerpt", d.excerpt);
        n.put("at", AlertJson.iso(d.at));
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line for a terminal. */
    public static String toText(DeadLetter d) {
        return "dead letter [" + d.reason + "] " + d.origin + ": " + d.detail;
    }
}
