package io.trailwatch.ingest;

/**
 * Where a JSON object or array that starts at a given byte ends, found by counting brackets outside
 * strings, without a parser and without recursion: how the decoder steps over one {@code Records}
 * element that broke a parser limit (nested a hundred thousand levels deep, say) to the records
 * after it.
 */
final class JsonValueEnd {
    private JsonValueEnd() {}

    /**
     * The index just past the value starting at {@code start} ({@code {} or {@code [}), or -1 when
     * the data ends first.
     */
    static int of(byte[] json, int start) {
        long depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** The index of the first byte at or after {@code from} that is not JSON whitespace. */
    static int skipWhitespace(byte[] json, int from) {
        int i = from;
        while (i < json.length
                && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }
}
