package io.trailwatch.pipeline;

import io.trailwatch.metrics.Counters;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts records that came later than the allowed lateness for a windowed rule, so none vanish
 * unseen.
 */
class CountLate<T> extends ProcessFunction<T, Void> {
    private final String ruleId;

    CountLate(String ruleId) {
        this.ruleId = ruleId;
    }

    @Override
    public void processElement(T value, Context ctx, Collector<Void> out) {
        getRuntimeContext().getLongCounter(Counters.LATE_RECORDS + ruleId).add(1);
    }
}
