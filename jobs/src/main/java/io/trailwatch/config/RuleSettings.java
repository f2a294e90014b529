package io.trailwatch.config;

import io.trailwatch.model.Severity;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules run, severities users override, the suppressions in force, the stateful rules' tuned
 * settings, and the rule files loaded besides the built-in rules.
 */
public class RuleSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public Set<String> disabled = new HashSet<>();
    public Map<String, Severity> severityOverrides = new HashMap<>();
    public List<Suppression> suppressions = List.of();
    public RuleTuning tuning = new RuleTuning();
    public List<RuleFile> files = List.of();

    public RuleSettings() {}

    public boolean isEnabled(String ruleId) {
        return !disabled.contains(ruleId);
    }
}
