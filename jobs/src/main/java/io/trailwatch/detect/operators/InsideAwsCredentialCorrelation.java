package io.trailwatch.detect.operators;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.patterns.SignalTypeInfo;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.BurstState;
import io.trailwatch.detect.windowed.Incident;
import io.trailwatch.detect.windowed.InstanceCredentialsInsideAws;
import io.trailwatch.model.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * TW-CRED-02: joins the public addresses the organization was given (first input) with the uses of
 * instance credentials from addresses inside AWS (second input), both keyed by the address, in
 * event time. Both wait until the watermark passes them and are then handled in time order, the
 * addresses given first, so whether a use is the organization's own never depends on which came
 * first over the wire. A use from an address the organization held at the time (within {@code
 * addressMemory}) is its own and dropped; the others open or join their session's incident, which
 * is reported after the report delay.
 *
 * <p>State per address: when it was last given ({@code held-at}, forgotten after {@code
 * addressMemory}), the incidents of the sessions that used it ({@code sessions}, each ending after
 * a quiet window or {@code maxIncident}) and when the first of them is next due ({@code
 * sessions-due}); with none of them left, the key's state is gone.
 */
public class InsideAwsCredentialCorrelation
        extends KeyedCoProcessFunction<String, Signal, Signal, Alert> {
    /** Addresses given or uses later than the allowed lateness. */
    public static final OutputTag<Signal> LATE =
            new OutputTag<>("late-inside-aws-credential-signals", SignalTypeInfo.INSTANCE);

    private final InstanceCredentialsInsideAws rule;
    private transient PendingSignals<Signal> pendingHeld;
    private transient PendingSignals<Signal> pendingUses;
    private transient ValueState<Long> heldAt;
    private transient MapState<String, BurstState> sessions;
    private transient ValueState<Long> sessionsDue;

    public InsideAwsCredentialCorrelation(WindowedRuleSettings settings) {
        this.rule = new InstanceCredentialsInsideAws(settings);
    }

    @Override
    public void open(OpenContext openContext) {
        pendingHeld =
                new PendingSignals<>(
                        getRuntimeContext(), "pending-held", SignalTypeInfo.INSTANCE, Signal.ORDER);
        pendingUses =
                new PendingSignals<>(
                        getRuntimeContext(), "pending-uses", SignalTypeInfo.INSTANCE, Signal.ORDER);
        heldAt = getRuntimeContext().getState(new ValueStateDescriptor<>("held-at", Types.LONG));
        sessions =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "sessions",
                                        Types.STRING,
                                        TypeInformation.of(BurstState.class)));
        sessionsDue =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("sessions-due", Types.LONG));
    }

    @Override
    public void processElement1(Signal given, Context ctx, Collector<Alert> out) throws Exception {
        hold(pendingHeld, given, ctx);
    }

    @Override
    public void processElement2(Signal use, Context ctx, Collector<Alert> out) throws Exception {
        hold(pendingUses, use, ctx);
    }

    private void hold(PendingSignals<Signal> pending, Signal s, Context ctx) throws Exception {
        long due = s.time + rule.latenessMillis();
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
        long now = timestamp - rule.latenessMillis();
        Long held = heldAt.value();
        for (Signal given : pendingHeld.release(timestamp)) {
            held = held == null ? given.time : Math.max(held, given.time);
        }
        // Reports and ends due by now come before the uses of now, as in the threshold detectors.
        // The sessions are gone through only when one of them is due: an address many sessions use
        // costs a look at each of them per report or end, not per use.
        Long due = sessionsDue.value();
        long nextSessionEvent = due == null ? Long.MAX_VALUE : due;
        if (due != null && now >= due) {
            nextSessionEvent = Long.MAX_VALUE;
            List<Map.Entry<String, BurstState>> open = new ArrayList<>();
            sessions.entries().forEach(open::add);
            for (Map.Entry<String, BurstState> e : open) {
                BurstState st = e.getValue();
                if (tick(e.getKey(), st, now, out)) {
                    sessions.remove(e.getKey());
                } else {
                    sessions.put(e.getKey(), st);
                    nextSessionEvent = Math.min(nextSessionEvent, nextEvent(st));
                }
            }
        }
        for (Signal use : pendingUses.release(timestamp)) {
            if (rule.held(held, use.time)) {
                continue;
            }
            String key = InstanceCredentialsInsideAws.sessionKey(use);
            BurstState st = sessions.get(key);
            if (st == null) {
                st = new BurstState();
            }
            st.offer(use, rule);
            sessions.put(key, st);
            // an earlier due time than the session's own is harmless: that timer finds nothing
            nextSessionEvent = Math.min(nextSessionEvent, nextEvent(st));
        }
        if (nextSessionEvent == Long.MAX_VALUE) {
            sessionsDue.clear();
        } else {
            sessionsDue.update(nextSessionEvent);
        }
        if (held != null && now - held > rule.addressMemoryMillis()) {
            held = null;
        }
        if (held == null) {
            heldAt.clear();
        } else {
            heldAt.update(held);
        }
        long next =
                Math.min(
                        nextSessionEvent,
                        held == null ? Long.MAX_VALUE : held + rule.addressMemoryMillis() + 1);
        if (next != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(next + rule.latenessMillis());
        }
    }

    /**
     * Runs one session's clock to {@code now}: its report when due, its end after a quiet window.
     *
     * @return whether nothing is left of the session
     */
    private boolean tick(String key, BurstState st, long now, Collector<Alert> out) {
        if (st.reportDue(now)) {
            report(key, st.incident, out);
        }
        Incident ended = st.expire(now, rule);
        if (ended != null && !ended.reported) {
            report(key, ended, out);
        }
        return st.isEmpty();
    }

    private void report(String key, Incident i, Collector<Alert> out) {
        Alert alert = rule.alert(key, i, System.currentTimeMillis());
        i.markReported();
        out.collect(alert);
    }

    /** When the session's state next changes without input: its report, or its end. */
    private long nextEvent(BurstState st) {
        long next = st.nextExpiry(rule);
        if (st.incident != null && !st.incident.reported) {
            next = Math.min(next, st.incident.reportAt);
        }
        return next;
    }
}
