package io.trailwatch.detect.operators;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.patterns.SignalTypeInfo;
import io.trailwatch.detect.signals.Signal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.util.OutputTag;

/** The side output of each signal kind. */
public final class SignalTags {
    private static final Map<SignalKind, OutputTag<Signal>> TAGS = new EnumMap<>(SignalKind.class);

    static {
        for (SignalKind kind : SignalKind.values()) {
            TAGS.put(
                    kind,
                    new OutputTag<>(
                            "signals-" + kind.name().toLowerCase(Locale.ROOT),
                            SignalTypeInfo.INSTANCE));
        }
    }

    private SignalTags() {}

    public static OutputTag<Signal> of(SignalKind kind) {
        return TAGS.get(kind);
    }
}
