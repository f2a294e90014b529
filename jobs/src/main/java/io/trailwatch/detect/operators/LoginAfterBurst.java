package io.trailwatch.detect.operators;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.patterns.SignalTypeInfo;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.RecentBursts;
import io.trailwatch.detect.windowed.SuccessAfterFailures;
import io.trailwatch.model.Alert;
import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * TW-AUTH-02, keyed by account: joins the TW-AUTH-01 bursts (first input, published by their
 * detectors when reported) with successful console sign-ins (second input). A burst is published a
 * report delay after it reached its threshold, so a sign-in is judged only once the watermark has
 * passed it by that much: by then every burst it could follow is known, whatever the arrival order.
 * Bursts are kept until no sign-in can follow them any more, then the account's state is cleared.
 */
public class LoginAfterBurst extends KeyedCoProcessFunction<String, LoginBurst, Signal, Alert> {
    /** Sign-ins later than the allowed lateness. */
    public static final OutputTag<Signal> LATE =
            new OutputTag<>("late-sign-ins", SignalTypeInfo.INSTANCE);

    private final long withinMillis;

    /** How long after a sign-in every burst it could follow has been published. */
    private final long holdbackMillis;

    private transient PendingSignals<LoginBurst> pendingBursts;
    private transient PendingSignals<Signal> pendingSignIns;
    private transient ValueState<RecentBursts> recent;

    public LoginAfterBurst(WindowedRuleSettings failures, WindowedRuleSettings self) {
        this.withinMillis = self.window.toMillis();
        this.holdbackMillis =
                failures.reportDelay.toMillis()
                        + failures.lateness.toMillis()
                        + self.lateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        pendingBursts =
                new PendingSignals<>(
                        getRuntimeContext(),
                        "pending-bursts",
                        TypeInformation.of(LoginBurst.class),
                        Comparator.comparing((LoginBurst b) -> b.alertId)
                                .thenComparingLong(b -> b.lastFailure));
        pendingSignIns =
                new PendingSignals<>(
                        getRuntimeContext(),
                        "pending-sign-ins",
                        SignalTypeInfo.INSTANCE,
                        Signal.ORDER);
        recent =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("bursts", RecentBursts.class));
    }

    @Override
    public void processElement1(LoginBurst burst, Context ctx, Collector<Alert> out)
            throws Exception {
        // Published in event time by the burst detectors, so never behind the watermark here.
        long due = Math.max(ctx.timestamp(), ctx.timerService().currentWatermark() + 1);
        if (pendingBursts.add(due, burst) == PendingSignals.Added.NEW_GROUP) {
            ctx.timerService().registerEventTimeTimer(due);
        }
    }

    @Override
    public void processElement2(Signal signIn, Context ctx, Collector<Alert> out) throws Exception {
        long due = signIn.time + holdbackMillis;
        if (due <= ctx.timerService().currentWatermark()) {
            ctx.output(LATE, signIn);
            return;
        }
        PendingSignals.Added added = pendingSignIns.add(due, signIn);
        if (added == PendingSignals.Added.GROUP_FULL) {
            ctx.output(LATE, signIn);
        } else if (added == PendingSignals.Added.NEW_GROUP) {
            ctx.timerService().registerEventTimeTimer(due);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        RecentBursts bursts = recent.value();
        for (LoginBurst b : pendingBursts.release(timestamp)) {
            if (bursts == null) {
                bursts = new RecentBursts();
            }
            bursts.add(b);
        }
        for (Signal signIn : pendingSignIns.release(timestamp)) {
            LoginBurst followed = bursts == null ? null : bursts.followedBy(signIn, withinMillis);
            if (followed != null) {
                out.collect(
                        SuccessAfterFailures.alert(signIn, followed, System.currentTimeMillis()));
            }
        }
        if (bursts == null) {
            return;
        }
        bursts.expire(timestamp - holdbackMillis, withinMillis);
        if (bursts.isEmpty()) {
            recent.clear();
        } else {
            recent.update(bursts);
            ctx.timerService()
                    .registerEventTimeTimer(bursts.lastRelevant(withinMillis) + holdbackMillis + 1);
        }
    }
}
