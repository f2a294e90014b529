package io.trailwatch.detect.patterns;

import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnerAttribute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Nullable strings, string arrays and owners written as length-prefixed UTF-8, for the hand-written
 * serializers of the records that cross operators most often. Flink's own string encoding goes one
 * character at a time through the stream; encoding the whole string at once and copying the bytes
 * in bulk costs a fraction of that for the mostly-ASCII text of AWS records.
 */
public final class Utf8Fields {
    private Utf8Fields() {}

    public static void writeString(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Copies one string field from {@code in} to {@code out} without decoding it. */
    public static void copyString(DataInputView in, DataOutputView out) throws IOException {
        int length = in.readInt();
        out.writeInt(length);
        if (length > 0) {
            out.write(in, length);
        }
    }

    public static void writeStrings(String[] values, DataOutputView out) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        for (String v : values) {
            writeString(v, out);
        }
    }

    public static String[] readStrings(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = readString(in);
        }
        return values;
    }

    public static void writeOwner(Owner owner, DataOutputView out) throws IOException {
        if (owner == null) {
            out.writeBoolean(false);
            return;
        }
        out.writeBoolean(true);
        writeString(owner.team, out);
        writeString(owner.environment, out);
        writeString(owner.contact, out);
        writeStrings(owner.trustedCidrs, out);
        writeString(owner.matchedBy, out);
        if (owner.attributes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(owner.attributes.length);
            for (OwnerAttribute a : owner.attributes) {
                out.writeBoolean(a != null);
                if (a != null) {
                    writeString(a.name, out);
                    writeString(a.value, out);
                }
            }
        }
    }

    public static Owner readOwner(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Owner owner = new Owner();
        owner.team = readString(in);
        owner.environment = readString(in);
        owner.contact = readString(in);
        owner.trustedCidrs = readStrings(in);
        owner.matchedBy = readString(in);
        int n = in.readInt();
        if (n >= 0) {
            owner.attributes = new OwnerAttribute[n];
            for (int i = 0; i < n; i++) {
                if (in.readBoolean()) {
                    owner.attributes[i] = new OwnerAttribute(readString(in), readString(in));
                }
            }
        }
        return owner;
    }

    /** A copy that shares nothing mutable with the original (strings are immutable). */
    public static Owner copyOwner(Owner o) {
        if (o == null) {
            return null;
        }
        OwnerAttribute[] attributes = null;
        if (o.attributes != null) {
            attributes = new OwnerAttribute[o.attributes.length];
            for (int i = 0; i < attributes.length; i++) {
                OwnerAttribute a = o.attributes[i];
                attributes[i] = a == null ? null : new OwnerAttribute(a.name, a.value);
            }
        }
        return new Owner(
                o.team,
                o.environment,
                o.contact,
                o.trustedCidrs == null ? null : o.trustedCidrs.clone(),
                o.matchedBy,
                attributes);
    }
}
