package io.trailwatch.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Dead-letter reasons and texts for JSON the parser refused: malformed, or past one of its limits
 * (nesting depth, number length, name length), which Jackson reports without a location.
 */
final class JsonLimit {
    private JsonLimit() {}

    static String reason(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.startsWith("Document nesting depth")) {
                return "json-too-deep";
            }
            if (m.startsWith("Number value length")) {
                return "number-too-long";
            }
            if (m.startsWith("Name length")) {
                return "name-too-long";
            }
            if (m.startsWith("String value length")) {
                return "string-too-long";
            }
            return "document-too-large";
        }
        if (isDuplicateKey(e)) {
            return "duplicate-key";
        }
        return "invalid-json";
    }

    /**
     * Whether the damage is confined to the value being read, the JSON around it well-formed: the
     * decoder can step over that one value and go on.
     */
    static boolean isContained(JsonProcessingException e) {
        return e instanceof StreamConstraintsException || isDuplicateKey(e);
    }

    private static boolean isDuplicateKey(JsonProcessingException e) {
        return e instanceof JsonParseException
                && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field");
    }

    /** What is wrong and where: the exception's location, else the parser's. */
    static String describe(JsonProcessingException e, JsonParser p) {
        JsonLocation at = e.getLocation();
        if (at == null && p != null) {
            at = p.currentLocation();
        }
        String where =
                at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what =
                isDuplicateKey(e)
                        ? "a key appears twice in one object"
                        : e instanceof StreamConstraintsException
                                ? "JSON over a limit"
                                : "malformed JSON";
        return what + where + ": " + e.getOriginalMessage();
    }
}
