package io.trailwatch.detect.sigma;

import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.rules.EventView;
import io.trailwatch.detect.rules.Finding;
import io.trailwatch.detect.rules.RuleContext;
import io.trailwatch.detect.rules.StatelessRule;
import java.util.List;
import java.util.Set;

/**
 * A built-in stateless rule with the conditions of the Sigma filters that name it ANDed on: it
 * judges only the events every filter's condition holds for.
 */
final class FilteredStatelessRule implements StatelessRule {
    private final StatelessRule rule;
    private final Matcher filter;
    private final List<String> filters;

    FilteredStatelessRule(StatelessRule rule, Matcher filter, List<String> filters) {
        this.rule = rule;
        this.filter = filter;
        this.filters = List.copyOf(filters);
    }

    StatelessRule rule() {
        return rule;
    }

    Matcher filter() {
        return filter;
    }

    /** The ids of the filters applied. */
    List<String> filters() {
        return filters;
    }

    @Override
    public RuleInfo info() {
        return rule.info();
    }

    @Override
    public Set<String> eventNames() {
        return rule.eventNames();
    }

    @Override
    public boolean eventNamesIgnoreCase() {
        return rule.eventNamesIgnoreCase();
    }

    @Override
    public Set<String> eventSources() {
        return rule.eventSources();
    }

    @Override
    public List<String> inputs() {
        return rule.inputs();
    }

    @Override
    public boolean isChangeRule() {
        return rule.isChangeRule();
    }

    @Override
    public void evaluate(EventView event, RuleContext context, List<Finding> findings) {
        if (filter.matches(SigmaRecord.of(event))) {
            rule.evaluate(event, context, findings);
        }
    }
}
