package io.trailwatch.detect.sigma;

import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.detect.windowed.ThresholdRules;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counting logic of every correlation of the rule files, for the one threshold detector they
 * share: a signal's key begins with its correlation's id. One detector rather than one per
 * correlation, so that matches cross one keyed exchange and watermarks reach one operator, and so
 * that the job's graph (and a savepoint's operators) stay the same as rule files change.
 */
public final class CorrelationDetectorRules implements ThresholdRules {
    private static final long serialVersionUID = 1L;

    private final Map<String, ThresholdRule> byCorrelation = new LinkedHashMap<>();

    /** Adds a correlation's counting logic, under its id. */
    public void add(String correlationId, ThresholdRule rule) {
        byCorrelation.put(correlationId, rule);
    }

    public boolean isEmpty() {
        return byCorrelation.isEmpty();
    }

    /**
     * A second: Sigma timespans are whole seconds or more, and a detector whose signals fall due on
     * whole seconds steps its watermark once a second rather than once per match.
     */
    @Override
    public long grainMillis() {
        return 1000;
    }

    @Override
    public ThresholdRule forKey(String key) {
        ThresholdRule rule = byCorrelation.get(CorrelationKeys.correlationId(key));
        if (rule == null) {
            throw new IllegalStateException("no correlation for key " + key);
        }
        return rule;
    }
}
