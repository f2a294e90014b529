package io.trailwatch.detect.operators;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.patterns.SignalTypeInfo;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.PortExposure;
import io.trailwatch.detect.windowed.PortExposures;
import io.trailwatch.model.Alert;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * TW-CORR-01: joins the CloudTrail stream (security groups opening a sensitive port to the
 * internet, first input) with the flow stream (accepted inbound connections from public addresses
 * on a sensitive port, second input), both keyed by account and port, in event time. Both inputs
 * wait until the watermark passes them and are then handled in time order, openings first, so
 * whether a connection follows an opening never depends on which stream was ahead. An opening is
 * forgotten when its window (30 minutes) ends, and with the last one the key's state.
 */
public class ExposedPortCorrelation extends KeyedCoProcessFunction<String, Signal, Signal, Alert> {
    /** Openings or connections later than the allowed lateness. */
    public static final OutputTag<Signal> LATE =
            new OutputTag<>("late-exposure-signals", SignalTypeInfo.INSTANCE);

    private final PortExposures.Settings settings;
    private transient PendingSignals<Signal> pendingOpenings;
    private transient PendingSignals<Signal> pendingConnections;
    private transient ValueState<PortExposures> exposures;

    public ExposedPortCorrelation(WindowedRuleSettings settings) {
        this.settings = new PortExposures.Settings(settings);
    }

    @Override
    public void open(OpenContext openContext) {
        pendingOpenings =
                new PendingSignals<>(
                        getRuntimeContext(),
                        "pending-openings",
                        SignalTypeInfo.INSTANCE,
                        Signal.ORDER);
        pendingConnections =
                new PendingSignals<>(
                        getRuntimeContext(),
                        "pending-connections",
                        SignalTypeInfo.INSTANCE,
                        Signal.ORDER);
        exposures =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("exposures", PortExposures.class));
    }

    @Override
    public void processElement1(Signal opening, Context ctx, Collector<Alert> out)
            throws Exception {
        hold(pendingOpenings, opening, ctx);
    }

    @Override
    public void processElement2(Signal connection, Context ctx, Collector<Alert> out)
            throws Exception {
        hold(pendingConnections, connection, ctx);
    }

    private void hold(PendingSignals<Signal> pending, Signal s, Context ctx) throws Exception {
        long due = s.time + settings.latenessMillis;
        if (due <= ctx.timerService().currentWatermark()) {
            ctx.output(LATE, s);
            return;
        }
        PendingSignals.Added added = pending.add(due, s);
        if (added == PendingSignals.Added.GROUP_FULL) {
            ctx.output(LATE, s);
        } else if (added == PendingSignals.Added.NEW_GROUP) {
            ctx.timerService().registerEventTimeTimer(due);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        long now = timestamp - settings.latenessMillis;
        PortExposures state = exposures.value();
        List<Signal> openings = pendingOpenings.release(timestamp);
        List<Signal> connections = pendingConnections.release(timestamp);
        if (state == null && openings.isEmpty()) {
            // no opening of this port in the window: these connections follow nothing
            return;
        }
        if (state == null) {
            state = new PortExposures();
        }
        for (Signal o : openings) {
            state.open(o, settings);
        }
        for (Signal c : connections) {
            for (PortExposure e : state.connect(c, settings)) {
                ctx.timerService()
                        .registerEventTimeTimer(e.connections.reportAt + settings.latenessMillis);
            }
        }
        for (Alert a : state.due(now, System.currentTimeMillis())) {
            out.collect(a);
        }
        state.expire(now);
        if (state.isEmpty()) {
            exposures.clear();
        } else {
            exposures.update(state);
            ctx.timerService().registerEventTimeTimer(state.nextEvent() + settings.latenessMillis);
        }
    }
}
