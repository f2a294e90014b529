package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import java.util.List;

/**
 * A threshold rule: its declaration (catalog entry, default settings, the signals it counts) and
 * its counting logic, one or more {@link ThresholdRule}s that each get a detector operator keyed by
 * their signal's key.
 */
public interface WindowedRule extends DetectionRule {
    /** The counting logic with the deployment's settings of this rule. */
    List<ThresholdRule> detectors(WindowedRuleSettings settings);
}
