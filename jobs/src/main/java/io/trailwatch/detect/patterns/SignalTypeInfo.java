package io.trailwatch.detect.patterns;

import io.trailwatch.detect.operators.SignalTags;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.flink.HandWrittenTypeInfo;

/**
 * Flink's type information for {@link Signal}, serialized by {@link SignalSerializer}; given
 * wherever signals enter a stream or state ({@link SignalTags}, the detectors' pending signals).
 */
public final class SignalTypeInfo extends HandWrittenTypeInfo<Signal> {
    private static final long serialVersionUID = 1L;

    public static final SignalTypeInfo INSTANCE = new SignalTypeInfo();

    private SignalTypeInfo() {
        super(Signal.class, SignalSerializer.INSTANCE);
    }
}
