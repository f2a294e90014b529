package io.trailwatch.detect;

import java.util.List;

/**
 * An entry of the {@link RuleRegistry}: a rule's catalog entry plus the logic that runs it.
 * Built-in rules are found on the class path ({@code @AutoService(DetectionRule.class)} registers a
 * class), so adding one is adding its class; a registry can take further entries made at start
 * (e.g. from rule files), which are routed, deduplicated and identified like the built-ins.
 */
public interface DetectionRule {
    RuleInfo info();

    /**
     * What the rule reads, for the catalog: the CloudTrail APIs it judges, or the signals it
     * counts.
     */
    default List<String> inputs() {
        return info().signals().stream().map(s -> s.description()).toList();
    }
}
