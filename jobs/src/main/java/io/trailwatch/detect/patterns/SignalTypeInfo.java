package io.trailwatch.detect.patterns;

import io.trailwatch.detect.signals.Signal;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's type information for {@link Signal}, serialized by {@link SignalSerializer}; given
 * wherever signals enter a stream or state ({@link SignalTags}, the detectors' pending signals).
 */
public final class SignalTypeInfo extends TypeInformation<Signal> {
    private static final long serialVersionUID = 1L;

    public static final SignalTypeInfo INSTANCE = new SignalTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Signal> getTypeClass() {
        return Signal.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Signal> createSerializer(SerializerConfig config) {
        return SignalSerializer.INSTANCE;
    }

    @Override
    @Deprecated
    public TypeSerializer<Signal> createSerializer(ExecutionConfig config) {
        return SignalSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "Signal";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignalTypeInfo;
    }

    @Override
    public int hashCode() {
        return SignalTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof SignalTypeInfo;
    }
}
