package io.trailwatch.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Nullable strings and string arrays of any length as length-prefixed UTF-8, for the hand-written
 * serializers (the sinks' buffered entries, signals). {@link DataOutput#writeUTF} stops at 64 KiB
 * (SNS messages reach 256 KiB), and Flink's own string encoding goes one character at a time
 * through the stream, where encoding the whole string and copying the bytes in bulk costs a
 * fraction of that for the mostly-ASCII text of AWS records.
 */
public final class NullableStrings {
    private NullableStrings() {}

    public static void write(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String read(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void writeArray(DataOutput out, String[] values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        for (String v : values) {
            write(out, v);
        }
    }

    public static String[] readArray(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = read(in);
        }
        return values;
    }
}
