package io.trailwatch.ingest;

import io.trailwatch.model.FlowRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A flow log record format: the ordered field names of the default version 2 format, or of a custom
 * format as announced by a file's header line. Parses lines of that format into {@link
 * FlowRecord}s.
 */
public final class FlowLogFormat {
    public static final String DEFAULT_V2_HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end"
                    + " action log-status";

    public static final FlowLogFormat DEFAULT_V2 = parseHeader(DEFAULT_V2_HEADER);

    private final String header;

    /** Per position, the known field, or {@code null} for a field name we carry no slot for. */
    private final FlowField[] fields;

    private FlowLogFormat(String header, FlowField[] fields) {
        this.header = header;
        this.fields = fields;
    }

    public String header() {
        return header;
    }

    public int fieldCount() {
        return fields.length;
    }

    /**
     * Reads a header line (or an AWS format string such as {@code ${version} ${srcaddr}}) into a
     * format, or returns {@code null} when the line is not a header: a header consists only of
     * field names and names at least one field Trailwatch knows.
     */
    public static FlowLogFormat parseHeader(String line) {
        List<String> names = tokens(line.replace("${", "").replace("}", ""));
        if (names.isEmpty()) {
            return null;
        }
        FlowField[] fields = new FlowField[names.size()];
        boolean anyKnown = false;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!isFieldName(name)) {
                return null;
            }
            fields[i] = FlowField.byName(name);
            anyKnown |= fields[i] != null;
        }
        return anyKnown ? new FlowLogFormat(String.join(" ", names), fields) : null;
    }

    /** Whether a header-less line has the shape of a default-format (version 2) record. */
    public static boolean looksLikeDefaultV2(String line) {
        List<String> t = tokens(line);
        return t.size() == 14
                && t.get(0).equals("2")
                && t.get(1).chars().allMatch(Character::isDigit);
    }

    /** Parses one record line; a line of the wrong shape is a {@link DecodeException}. */
    public FlowRecord parse(String line) throws DecodeException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    /**
     * Parses the record line in {@code data[from, to)}. Working on the bytes as read spares a
     * string of the whole line and a substring per field: flow lines are most of the input.
     */
    public FlowRecord parse(byte[] data, int from, int to) throws DecodeException {
        return parse(data, from, to, null);
    }

    /** As {@link #parse(byte[], int, int)}, reusing the strings of fields that repeat. */
    FlowRecord parse(byte[] data, int from, int to, RepeatedValues repeated)
            throws DecodeException {
        FlowRecord record = new FlowRecord();
        int n = fields.length;
        int pos = from;
        int index = 0;
        while (true) {
            while (pos < to && data[pos] == ' ') {
                pos++;
            }
            if (pos >= to) {
                break;
            }
            int end = pos;
            while (end < to && data[end] != ' ') {
                end++;
            }
            if (index < n) {
                FlowField field = fields[index];
                if (field != null && !(end - pos == 1 && data[pos] == '-')) {
                    set(record, field, index, data, pos, end, repeated);
                }
            }
            index++;
            pos = end;
        }
        if (index != n) {
            throw new DecodeException(
                    "flow-field-count",
                    "expected " + n + " fields (format: " + header + "), got " + index);
        }
        return record;
    }

    private static void set(
            FlowRecord record,
            FlowField field,
            int position,
            byte[] data,
            int from,
            int to,
            RepeatedValues repeated)
            throws DecodeException {
        switch (field.kind) {
            case INT:
                long v = number(field, data, from, to);
                if (v > Integer.MAX_VALUE) {
                    throw invalid(field, data, from, to);
                }
                field.set(record, (int) v);
                return;
            case LONG:
                field.set(record, number(field, data, from, to));
                return;
            default:
                field.set(
                        record,
                        repeated != null
                                ? repeated.text(position, data, from, to)
                                : new String(data, from, to - from, StandardCharsets.UTF_8));
        }
    }

    private static long number(FlowField field, byte[] data, int from, int to)
            throws DecodeException {
        if (to - from > 18) {
            throw invalid(field, data, from, to);
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = data[i] - '0';
            if (d < 0 || d > 9) {
                throw invalid(field, data, from, to);
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static DecodeException invalid(FlowField field, byte[] data, int from, int to) {
        return new DecodeException(
                "flow-invalid-value",
                "field "
                        + field.fieldName
                        + ": '"
                        + Excerpt.of(data, from, to - from)
                        + "' is not a number");
    }

    private static boolean isFieldName(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>(32);
        for (String t : line.trim().split("\\s+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
