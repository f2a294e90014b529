package io.trailwatch.alert.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Fits an alert's JSON into a byte budget (SNS takes 256 KiB) by cutting what an alert can carry in
 * bulk — evidence values, then event ids, then owner attributes — and marking the evidence {@code
 * "trimmed": true}, each cut value ending in {@link #MARKER}. The result is always valid JSON of
 * the alert schema; when even the cut alert does not fit, there is no result.
 */
public final class AlertTrimmer {
    /** Ends every value that was cut. */
    public static final String MARKER = "…[trimmed]";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int[] VALUE_CAPS = {4096, 1024, 256, 64};

    private AlertTrimmer() {}

    /**
     * @param alert the alert JSON (not modified)
     * @return the JSON text within {@code maxBytes} of UTF-8, or {@code null} when it cannot fit
     */
    public static String fit(ObjectNode alert, int maxBytes) {
        String json = write(alert);
        if (bytes(json) <= maxBytes) {
            return json;
        }
        ObjectNode copy = alert.deepCopy();
        JsonNode evidence = copy.get("evidence");
        if (evidence instanceof ObjectNode) {
            ObjectNode ev = (ObjectNode) evidence;
            ev.put("trimmed", true);
            JsonNode fields = ev.get("fields");
            for (int cap : VALUE_CAPS) {
                if (fields instanceof ObjectNode) {
                    capValues((ObjectNode) fields, cap);
                }
                json = write(copy);
                if (bytes(json) <= maxBytes) {
                    return json;
                }
            }
            JsonNode ids = ev.get("eventIds");
            if (ids instanceof ArrayNode) {
                ArrayNode array = (ArrayNode) ids;
                while (array.size() > 1) {
                    array.remove(array.size() - 1);
                }
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, cap(array.get(i).asText(), 256));
                }
            }
            json = write(copy);
            if (bytes(json) <= maxBytes) {
                return json;
            }
        }
        JsonNode attributes = copy.path("owner").get("attributes");
        if (attributes instanceof ObjectNode) {
            capValues((ObjectNode) attributes, 64);
            json = write(copy);
            if (bytes(json) <= maxBytes) {
                return json;
            }
        }
        return null;
    }

    private static void capValues(ObjectNode object, int max) {
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual() && e.getValue().asText().length() > max) {
                e.setValue(cap(e.getValue().asText(), max));
            }
        }
    }

    private static JsonNode cap(String value, int max) {
        if (value.length() <= max
                || value.endsWith(MARKER) && value.length() <= max + MARKER.length()) {
            return MAPPER.getNodeFactory().textNode(value);
        }
        String kept =
                value.endsWith(MARKER)
                        ? value.substring(0, value.length() - MARKER.length())
                        : value;
        return MAPPER.getNodeFactory().textNode(Texts.prefix(kept, max) + MARKER);
    }

    public static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
