package io.trailwatch.model.flink;

import io.trailwatch.model.NullableStrings;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for {@link RawRecord}. A raw record is never changed once a source has made
 * it, so a copy is the record itself: where the replay's file source runs chained to the analysis
 * operator, Flink copies each record it hands over, and with the reflective POJO serializer that
 * was a copy of every payload (two thirds of what that thread allocated). The field order is the
 * format, and the kind is written as its position in {@link RawKind}: a new field or kind needs a
 * new snapshot version.
 */
public final class RawRecordSerializer extends HandWrittenSerializer<RawRecord> {
    private static final long serialVersionUID = 1L;

    public static final RawRecordSerializer INSTANCE = new RawRecordSerializer();

    private static final RawKind[] KINDS = RawKind.values();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public RawRecord createInstance() {
        return new RawRecord();
    }

    @Override
    public RawRecord copy(RawRecord from) {
        return from;
    }

    @Override
    public void serialize(RawRecord r, DataOutputView out) throws IOException {
        NullableStrings.write(out, r.origin);
        out.writeByte(r.kind == null ? -1 : r.kind.ordinal());
        if (r.payload == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(r.payload.length);
            out.write(r.payload);
        }
        NullableStrings.write(out, r.flowHeader);
        NullableStrings.write(out, r.errorReason);
        NullableStrings.write(out, r.errorDetail);
        out.writeInt(r.firstLine);
    }

    @Override
    public RawRecord deserialize(DataInputView in) throws IOException {
        RawRecord r = new RawRecord();
        r.origin = NullableStrings.read(in);
        int kind = in.readByte();
        r.kind = kind < 0 ? null : KINDS[kind];
        int length = in.readInt();
        if (length >= 0) {
            r.payload = new byte[length];
            in.readFully(r.payload);
        }
        r.flowHeader = NullableStrings.read(in);
        r.errorReason = NullableStrings.read(in);
        r.errorDetail = NullableStrings.read(in);
        r.firstLine = in.readInt();
        return r;
    }

    @Override
    public TypeSerializerSnapshot<RawRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints (records in flight, unaligned checkpoints). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RawRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
