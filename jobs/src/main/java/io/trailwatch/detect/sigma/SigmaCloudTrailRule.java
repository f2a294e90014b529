package io.trailwatch.detect.sigma;

import io.trailwatch.detect.rules.EventView;
import io.trailwatch.detect.rules.Finding;
import io.trailwatch.detect.rules.RuleContext;
import io.trailwatch.detect.rules.StatelessRule;
import java.util.List;
import java.util.Set;

/**
 * A Sigma rule over CloudTrail events, as a stateless rule of the registry: the rule engine files
 * it under the event names (else event sources) its condition pins, and shows it every event,
 * failed and read-only calls included, since Sigma rules say themselves what they look for.
 */
public final class SigmaCloudTrailRule extends CompiledSigmaRule implements StatelessRule {
    SigmaCloudTrailRule(SigmaDetection rule) {
        super(rule);
    }

    @Override
    public Set<String> eventNames() {
        Set<String> names = rule.detection().names();
        return names == null ? EVERY_EVENT : names;
    }

    /** The calls the rule pins, as its file writes them; else what {@code StatelessRule} says. */
    @Override
    public List<String> inputs() {
        List<String> calls = rule.detection().calls();
        return calls.isEmpty() ? StatelessRule.super.inputs() : calls;
    }

    @Override
    public boolean eventNamesIgnoreCase() {
        return true;
    }

    @Override
    public Set<String> eventSources() {
        Set<String> sources = rule.detection().sources();
        return sources == null ? EVERY_EVENT : sources;
    }

    @Override
    public boolean isChangeRule() {
        return false;
    }

    @Override
    public void evaluate(EventView event, RuleContext context, List<Finding> findings) {
        SigmaRecord record = SigmaRecord.of(event);
        if (rule.matches(record)) {
            findings.add(rule.finding(record, event.resource()));
        }
    }
}
