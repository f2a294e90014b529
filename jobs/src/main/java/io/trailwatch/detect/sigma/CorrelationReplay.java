package io.trailwatch.detect.sigma;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.BurstState;
import io.trailwatch.detect.windowed.Incident;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A correlation run over a few records the way the job runs it: the analysis step's {@link
 * CorrelationInputs} turn matches into signals, the correlation's detector takes the signals whose
 * key has its prefix and offers them, in {@link Signal#ORDER}, to each key's {@link BurstState}.
 * The correlation alerts when an incident opens.
 */
final class CorrelationReplay {
    /** Whether it alerted, and what it saw, to explain a failed case. */
    record Outcome(boolean alerted, int signals, int keys) {}

    private CorrelationReplay() {}

    /**
     * @param records in event-time order
     */
    static Outcome run(CorrelationSet set, SigmaCorrelationRule rule, List<Object> records) {
        CorrelationInputs inputs = set.inputs(Set.of());
        String prefix = rule.keyPrefix();
        List<Signal> signals = new ArrayList<>();
        for (Object r : records) {
            if (r instanceof CloudTrailEvent e) {
                inputs.extract(e, (kind, s) -> keep(s, prefix, signals));
            } else {
                inputs.extract((FlowRecord) r, (kind, s) -> keep(s, prefix, signals));
            }
        }
        signals.sort(Signal.ORDER);
        boolean alerted = false;
        Map<String, BurstState> states = new HashMap<>();
        for (ThresholdRule detector : rule.detectors(rule.info().defaultSettings())) {
            states.clear();
            for (Signal s : signals) {
                Incident opened =
                        states.computeIfAbsent(s.key, k -> new BurstState()).offer(s, detector);
                if (opened != null && !opened.silent) {
                    alerted = true;
                }
            }
            // the end of the records: every window closes, as the job's timers close them
            for (BurstState st : states.values()) {
                Incident ended = st.expire(Long.MAX_VALUE / 2, detector);
                if (ended != null && !ended.silent && !ended.reported) {
                    alerted = true;
                }
            }
        }
        return new Outcome(alerted, signals.size(), states.size());
    }

    private static void keep(Signal s, String prefix, List<Signal> signals) {
        if (s.key.startsWith(prefix)) {
            signals.add(s);
        }
    }
}
