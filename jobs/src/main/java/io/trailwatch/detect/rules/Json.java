package io.trailwatch.detect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Small helpers for the varying shapes of CloudTrail request documents. */
final class Json {
    private Json() {}

    /**
     * The elements of a list as EC2 logs it ({@code {"items":[…]}}), as a plain array, or a single
     * object; empty when absent.
     */
    static List<JsonNode> items(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode n = node.has("items") ? node.get("items") : node;
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (n.isObject() && n.size() > 0) {
            out.add(n);
        }
        return out;
    }

    /**
     * The first value of a field with this name (any letter case) anywhere in the tree, or null.
     */
    static JsonNode find(JsonNode node, String name) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().equalsIgnoreCase(name)) {
                    return f.getValue();
                }
            }
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                JsonNode found = find(child, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** {@link #find} as text, or null. */
    static String findText(JsonNode node, String name) {
        JsonNode n = find(node, name);
        return n == null || !n.isValueNode() || n.isNull() ? null : n.asText();
    }

    /** A boolean that AWS logs as a JSON boolean or as text. */
    static boolean isFalse(JsonNode n) {
        return n != null && (n.isBoolean() ? !n.asBoolean() : "false".equalsIgnoreCase(n.asText()));
    }

    static boolean isTrue(JsonNode n) {
        return n != null && (n.isBoolean() ? n.asBoolean() : "true".equalsIgnoreCase(n.asText()));
    }
}
