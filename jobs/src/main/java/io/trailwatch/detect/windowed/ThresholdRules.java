package io.trailwatch.detect.windowed;

import java.io.Serializable;

/**
 * The counting logic a threshold detector runs for a key: one rule for every key (a built-in rule's
 * detector), or the rule a key names (the detector shared by the correlations of rule files, whose
 * keys begin with the correlation's id).
 */
@FunctionalInterface
public interface ThresholdRules extends Serializable {
    ThresholdRule forKey(String key);

    /**
     * The grain of the detector's clock, in milliseconds: signals are handed over, and reports and
     * expiries happen, at multiples of it. 1 (exact) for the built-in rules.
     */
    default long grainMillis() {
        return 1;
    }

    /** The same rule for every key. */
    static ThresholdRules of(ThresholdRule rule) {
        return new OneRule(rule);
    }

    /** One rule for every key. */
    record OneRule(ThresholdRule rule) implements ThresholdRules {
        @Override
        public ThresholdRule forKey(String key) {
            return rule;
        }
    }
}
