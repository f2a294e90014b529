package io.trailwatch.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The values at a path of a JSON document, as {@link FieldAccess} hands them out. */
final class JsonValues {
    private JsonValues() {}

    /** Walks {@code path} from {@code node}, fanning out over arrays on the way and at the end. */
    static void collect(JsonNode node, String[] path, int from, List<Object> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isArray() && from <= path.length) {
            if (from == path.length) {
                for (JsonNode item : node) {
                    out.add(value(item));
                }
                return;
            }
            for (JsonNode item : node) {
                collect(item, path, from, out);
            }
            return;
        }
        if (from == path.length) {
            out.add(value(node));
            return;
        }
        if (node.isObject()) {
            collect(node.get(path[from]), path, from + 1, out);
        }
    }

    static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.toString();
    }
}
