package io.trailwatch.detect.operators;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.patterns.SignalTypeInfo;
import io.trailwatch.detect.sigma.CorrelationKeys;
import io.trailwatch.detect.signals.Signal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.util.OutputTag;

/**
 * The side output of each signal kind; the matches feeding a rule file's correlation have one per
 * correlation, so that each correlation's detector receives only its own.
 */
public final class SignalTags {
    private static final Map<SignalKind, OutputTag<Signal>> TAGS = new EnumMap<>(SignalKind.class);
    private static final Map<String, OutputTag<Signal>> CORRELATIONS = new ConcurrentHashMap<>();

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

    /** The side output of the matches that feed the correlation with this id. */
    public static OutputTag<Signal> ofCorrelation(String correlationId) {
        return CORRELATIONS.computeIfAbsent(
                correlationId,
                id -> new OutputTag<>("signals-correlation-" + id, SignalTypeInfo.INSTANCE));
    }

    /** Where a signal goes: its kind's output, or for a correlation's match, the correlation's. */
    public static OutputTag<Signal> of(SignalKind kind, Signal signal) {
        return kind == SignalKind.RULE_FILE_MATCH
                ? ofCorrelation(CorrelationKeys.correlationId(signal.key))
                : TAGS.get(kind);
    }
}
