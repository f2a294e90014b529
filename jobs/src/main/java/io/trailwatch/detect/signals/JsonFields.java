package io.trailwatch.detect.signals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads one top-level field of a JSON document kept as text (requestParameters,
 * additionalEventData) with Jackson's streaming parser: no tree is built, which matters for S3 data
 * events, the bulk of CloudTrail.
 */
public final class JsonFields {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonFields() {}

    /** The field as text (strings, numbers, booleans), or {@code null} when absent or not JSON. */
    public static String text(String json, String field) {
        if (json == null || !json.contains(field)) {
            return null;
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field)) {
                    return value.isScalarValue() && value != JsonToken.VALUE_NULL
                            ? p.getValueAsString()
                            : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The field as a whole number, or the fallback when absent or not a number. */
    public static long number(String json, String field, long fallback) {
        String v = text(json, field);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(v);
            } catch (NumberFormatException e2) {
                return fallback;
            }
        }
    }
}
