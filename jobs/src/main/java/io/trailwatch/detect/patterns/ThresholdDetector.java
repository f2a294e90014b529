package io.trailwatch.detect.patterns;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.BurstState;
import io.trailwatch.detect.windowed.Incident;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.LoginBurstSource;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.model.Alert;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Runs one {@link ThresholdRule} per key over event time. Signals wait (in {@link PendingSignals})
 * until the watermark passes them plus the rule's extra lateness, and are then handed to the key's
 * {@link BurstState} in event-time order, so that a burst straddling any boundary is seen whole and
 * the same input gives the same alerts however it arrives. Timers drive everything else: the report
 * of an incident after the rule's report delay, and the end of a quiet incident and of the window,
 * after which the key's state is cleared. Signals that come later than the watermark allows go to
 * {@link #LATE}, to be counted.
 */
public class ThresholdDetector extends KeyedProcessFunction<String, Signal, Alert> {
    /** Signals later than the allowed lateness. */
    public static final OutputTag<Signal> LATE =
            new OutputTag<>("late-signals", SignalTypeInfo.INSTANCE);

    /** Sign-in bursts, from the rules that are a {@link LoginBurstSource}. */
    public static final OutputTag<LoginBurst> BURSTS =
            new OutputTag<>("login-bursts", TypeInformation.of(LoginBurst.class));

    private final ThresholdRule rule;
    private transient PendingSignals<Signal> pending;
    private transient ValueState<BurstState> state;

    public ThresholdDetector(ThresholdRule rule) {
        this.rule = rule;
    }

    @Override
    public void open(OpenContext openContext) {
        pending =
                new PendingSignals<>(
                        getRuntimeContext(), "pending", SignalTypeInfo.INSTANCE, Signal.ORDER);
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("burst", BurstState.class));
    }

    @Override
    public void processElement(Signal s, Context ctx, Collector<Alert> out) throws Exception {
        long due = s.time + rule.latenessMillis();
        if (due <= ctx.timerService().currentWatermark()) {
            ctx.output(LATE, s);
            return;
        }
        if (!pending.add(due, s)) {
            // a million records of one key in one millisecond: not a stream to count in
            ctx.output(LATE, s);
            return;
        }
        ctx.timerService().registerEventTimeTimer(due);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        // The rule's clock runs behind the watermark by its extra lateness.
        long now = timestamp - rule.latenessMillis();
        BurstState st = state.value();
        for (Signal s : pending.release(timestamp)) {
            if (st == null) {
                st = new BurstState();
            }
            Incident opened = st.offer(s, rule);
            if (opened != null && !opened.silent) {
                ctx.timerService().registerEventTimeTimer(opened.reportAt + rule.latenessMillis());
            }
        }
        if (st == null) {
            return;
        }
        String key = ctx.getCurrentKey();
        if (st.reportDue(now)) {
            report(key, st.incident, ctx, out);
        }
        Incident ended = st.expire(now, rule);
        if (ended != null && !ended.silent) {
            if (!ended.reported) {
                report(key, ended, ctx, out);
            } else if (ended.lastSeen > ended.reportedLastSeen) {
                // the burst went on after its alert: tell the follow-up rules when it really ended
                publish(key, ended, null, ctx);
            }
        }
        if (st.isEmpty()) {
            state.clear();
        } else {
            state.update(st);
            ctx.timerService().registerEventTimeTimer(st.nextExpiry(rule) + rule.latenessMillis());
        }
    }

    private void report(String key, Incident i, OnTimerContext ctx, Collector<Alert> out) {
        Alert alert = rule.alert(key, i, System.currentTimeMillis());
        i.markReported();
        out.collect(alert);
        publish(key, i, alert.alertId, ctx);
    }

    private void publish(String key, Incident i, String alertId, OnTimerContext ctx) {
        if (rule instanceof LoginBurstSource) {
            String id = alertId != null ? alertId : rule.alert(key, i, 0L).alertId;
            ctx.output(BURSTS, ((LoginBurstSource) rule).burst(key, i, id));
        }
    }
}
