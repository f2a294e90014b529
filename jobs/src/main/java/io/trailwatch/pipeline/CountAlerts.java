package io.trailwatch.pipeline;

import io.trailwatch.metrics.Counters;
import io.trailwatch.model.Alert;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes alerts through, counting them per rule and severity for the replay summary and metrics.
 */
class CountAlerts extends ProcessFunction<Alert, Alert> {
    @Override
    public void processElement(Alert alert, Context ctx, Collector<Alert> out) {
        getRuntimeContext()
                .getLongCounter(Counters.ALERTS + alert.ruleId + "." + alert.severity)
                .add(1);
        out.collect(alert);
    }
}
