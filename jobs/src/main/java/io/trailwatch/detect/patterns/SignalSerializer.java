package io.trailwatch.detect.patterns;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.NullableStrings;
import io.trailwatch.model.flink.HandWrittenSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for {@link Signal}, written by hand: signals are what the job shuffles to the
 * windowed detectors (one per read-only call, S3 access or probe) and what the detectors keep
 * pending in state, so the reflective POJO serializer with its per-character strings was a large
 * share of the job's work. The field order is the format; a new field needs a new snapshot version.
 */
public final class SignalSerializer extends HandWrittenSerializer<Signal> {
    private static final long serialVersionUID = 1L;

    public static final SignalSerializer INSTANCE = new SignalSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Signal createInstance() {
        return new Signal();
    }

    @Override
    public Signal copy(Signal from) {
        Signal s = new Signal(from.key, from.time, from.ref);
        s.value = from.value;
        s.attribute = from.attribute;
        s.detail = from.detail;
        s.amount = from.amount;
        s.account = from.account;
        s.region = from.region;
        s.principal = from.principal;
        s.resource = from.resource;
        s.owner = OwnerFields.copyOwner(from.owner);
        return s;
    }

    @Override
    public void serialize(Signal s, DataOutputView out) throws IOException {
        NullableStrings.write(out, s.key);
        out.writeLong(s.time);
        NullableStrings.write(out, s.ref);
        NullableStrings.write(out, s.value);
        NullableStrings.write(out, s.attribute);
        NullableStrings.write(out, s.detail);
        out.writeLong(s.amount);
        NullableStrings.write(out, s.account);
        NullableStrings.write(out, s.region);
        NullableStrings.write(out, s.principal);
        NullableStrings.write(out, s.resource);
        OwnerFields.writeOwner(s.owner, out);
    }

    @Override
    public Signal deserialize(DataInputView in) throws IOException {
        Signal s = new Signal();
        s.key = NullableStrings.read(in);
        s.time = in.readLong();
        s.ref = NullableStrings.read(in);
        s.value = NullableStrings.read(in);
        s.attribute = NullableStrings.read(in);
        s.detail = NullableStrings.read(in);
        s.amount = in.readLong();
        s.account = NullableStrings.read(in);
        s.region = NullableStrings.read(in);
        s.principal = NullableStrings.read(in);
        s.resource = NullableStrings.read(in);
        s.owner = OwnerFields.readOwner(in);
        return s;
    }

    @Override
    public TypeSerializerSnapshot<Signal> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints and savepoints. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Signal> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
