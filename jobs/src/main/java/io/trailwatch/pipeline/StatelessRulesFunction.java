package io.trailwatch.pipeline;

import io.trailwatch.detect.rules.RuleEngine;
import io.trailwatch.detect.rules.StatelessRules;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;
import io.trailwatch.ownership.join.OwnershipTableFunction;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/**
 * Runs the stateless rule catalog over owned CloudTrail events, with the ownership table in force.
 */
public class StatelessRulesFunction extends OwnershipTableFunction<CloudTrailEvent, Alert> {
    private final Set<String> disabled;
    private transient RuleEngine engine;

    public StatelessRulesFunction(OwnershipTable initialTable, Set<String> disabled) {
        super(initialTable);
        this.disabled = Set.copyOf(disabled);
    }

    @Override
    public void open(OpenContext openContext) {
        engine = new RuleEngine(StatelessRules.all(), disabled);
    }

    @Override
    protected void process(CloudTrailEvent event, OwnerResolver owners, Collector<Alert> out) {
        for (Alert alert :
                engine.evaluate(event, owners::knowsAccount, System.currentTimeMillis())) {
            out.collect(alert);
        }
    }
}
