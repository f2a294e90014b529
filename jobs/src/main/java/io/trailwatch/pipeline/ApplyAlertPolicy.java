package io.trailwatch.pipeline;

import io.trailwatch.alert.AlertPolicy;
import io.trailwatch.config.RuleSettings;
import io.trailwatch.metrics.Counters;
import io.trailwatch.model.Alert;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Severity overrides and suppressions for every rule's alerts. Suppressed alerts are counted per
 * rule (the replay summary and metrics show them), never dropped unseen.
 */
class ApplyAlertPolicy extends ProcessFunction<Alert, Alert> {
    private final RuleSettings settings;
    private transient AlertPolicy policy;

    ApplyAlertPolicy(RuleSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        policy = new AlertPolicy(settings);
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<Alert> out) {
        if (policy.suppressedBy(alert) != null) {
            getRuntimeContext().getLongCounter(Counters.SUPPRESSED + alert.ruleId).add(1);
            return;
        }
        policy.overrideSeverity(alert);
        out.collect(alert);
    }
}
