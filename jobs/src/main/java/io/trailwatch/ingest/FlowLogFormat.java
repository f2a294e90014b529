package io.trailwatch.ingest;

import io.trailwatch.model.FlowRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A flow log record format: the ordered field names of the default version 2 format, of a custom
 * format as announced by a file's header line or declared for lines that come without one, or of
 * another format AWS writes whole ({@link KnownFlowFormat}). Parses lines of that format into
 * {@link FlowRecord}s.
 */
public final class FlowLogFormat {
    public static final String DEFAULT_V2_HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end"
                    + " action log-status";

    public static final FlowLogFormat DEFAULT_V2 = parseHeader(DEFAULT_V2_HEADER);

    private final String header;

    /** Per position, the known field, or {@code null} for a field name we carry no slot for. */
    private final FlowField[] fields;

    /** The first known field the header names twice, or {@code null}. */
    private final String repeatedField;

    private FlowLogFormat(String header, FlowField[] fields, String repeatedField) {
        this.header = header;
        this.fields = fields;
        this.repeatedField = repeatedField;
    }

    /**
     * A field the header names twice, or {@code null}: which of the two columns holds the value
     * cannot be known (a 2 GB transfer could be read as 1 byte), so such a format is refused.
     */
    public String repeatedField() {
        return repeatedField;
    }

    /**
     * Why field names declared for lines without a header ({@code Input.flow.format}, replay's
     * {@code --flow-format}, a {@code .flow-format} file) cannot be a format, or {@code null}.
     */
    public static String declaredFormatProblem(String declared) {
        FlowLogFormat format = parseHeader(declared);
        if (format == null) {
            return "'"
                    + Excerpt.of(declared)
                    + "' is not a flow log format (space-separated field names such as"
                    + " 'version account-id interface-id ...')";
        }
        return format.repeatedField != null ? repeatedFieldProblem(format) : null;
    }

    /** The dead-letter or error text for a format that names a field twice. */
    public static String repeatedFieldProblem(FlowLogFormat format) {
        return "the flow log format names field '"
                + format.repeatedField
                + "' twice, so which value is which cannot be known: "
                + Excerpt.of(format.header);
    }

    public String header() {
        return header;
    }

    public int fieldCount() {
        return fields.length;
    }

    /**
     * The names of fields Trailwatch does not know, in order: their columns are read and left out.
     * In a declared format, most likely a misspelling.
     */
    public List<String> unknownFields() {
        List<String> unknown = new ArrayList<>();
        String[] names = header.split(" ");
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                unknown.add(names[i]);
            }
        }
        return unknown;
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
        EnumSet<FlowField> seen = EnumSet.noneOf(FlowField.class);
        String repeated = null;
        boolean anyKnown = false;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!isFieldName(name)) {
                return null;
            }
            fields[i] = FlowField.byName(name);
            anyKnown |= fields[i] != null;
            if (fields[i] != null && !seen.add(fields[i]) && repeated == null) {
                repeated = name;
            }
        }
        return anyKnown ? new FlowLogFormat(String.join(" ", names), fields, repeated) : null;
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
            FlowField field = index < n ? fields[index] : null;
            int end;
            if (field != null && !field.isText()) {
                end = number(record, field, data, pos, to);
            } else {
                end = pos;
                while (end < to && data[end] != ' ') {
                    end++;
                }
                if (field != null && !absent(data, pos, end)) {
                    if (field.kind == FlowField.Kind.ADDRESS
                            && !AddressSyntax.isIpAddress(data, pos, end)) {
                        throw notAnAddress(field, data, pos, end);
                    }
                    field.set(
                            record,
                            repeated != null
                                    ? repeated.text(index, data, pos, end)
                                    : new String(data, pos, end - pos, StandardCharsets.UTF_8));
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

    /**
     * Reads the number field that starts at {@code from}, sets it unless it is "-", and returns
     * where it ends. The digits are added up while looking for the field's end: most of a flow line
     * is numbers, and this reads each of their bytes once.
     */
    private static int number(FlowRecord record, FlowField field, byte[] data, int from, int to)
            throws DecodeException {
        long v = 0;
        boolean digits = true;
        int end = from;
        for (; end < to; end++) {
            int d = data[end] - '0';
            if (d == ' ' - '0') {
                break;
            }
            digits &= d >= 0 && d <= 9;
            v = v * 10 + d;
        }
        if (absent(data, from, end)) {
            return end;
        }
        if (!digits || end - from > 18) {
            throw invalid(field, data, from, end);
        }
        if (v > field.max) {
            throw outOfRange(field, v);
        }
        if (field.kind == FlowField.Kind.INT) {
            field.set(record, (int) v);
        } else {
            field.set(record, v);
        }
        return end;
    }

    /** A field of "-": the value is not there (e.g. ports of ICMP, everything of NODATA). */
    private static boolean absent(byte[] data, int from, int to) {
        return to - from == 1 && data[from] == '-';
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

    private static DecodeException outOfRange(FlowField field, long v) {
        return new DecodeException(
                "flow-invalid-value",
                field.fieldName + " " + v + " is out of range (at most " + field.max + ")");
    }

    private static DecodeException notAnAddress(FlowField field, byte[] data, int from, int to) {
        return new DecodeException(
                "flow-invalid-value",
                field.fieldName
                        + " '"
                        + Excerpt.of(data, from, to - from)
                        + "' is not an IPv4 or IPv6 address");
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

    /** The whitespace-separated fields of a line. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>(32);
        for (String t : line.trim().split("\\s+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
