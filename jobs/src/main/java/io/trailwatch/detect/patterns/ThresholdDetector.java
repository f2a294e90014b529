package io.trailwatch.detect.patterns;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.BurstState;
import io.trailwatch.detect.windowed.Incident;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.LoginBurstSource;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.model.Alert;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.runtime.state.internal.InternalListState;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Runs one {@link ThresholdRule} per key over event time. Signals wait until the watermark passes
 * them plus the rule's extra lateness, and are then handed to the key's {@link BurstState} in
 * event-time order, so that a burst straddling any boundary is seen whole and the same input gives
 * the same alerts however it arrives. Timers drive everything else: the report of an incident after
 * the rule's report delay, and the end of a quiet incident and of the window, after which the key's
 * state is cleared. Signals that come later than the watermark allows go to {@link #LATE}, to be
 * counted.
 *
 * <p>An operator rather than a process function, for the cost per signal on RocksDB (where the
 * service keeps state): the signals due at one time are a list in a namespace of their own, so
 * holding one back is an append that reads nothing, and releasing them one read. Two kinds of
 * timer, in namespaces of their own so that one never removes the other:
 *
 * <ul>
 *   <li>{@link #DUE}, 1 ms before the signals' due time: it first runs the key's clock to just
 *       before them, then hands them over. Firing a millisecond early puts a clock timer of the
 *       same due time after them, as when a signal and the clock share a timer.
 *   <li>{@link #CLOCK}: the report of an incident, and the key's next expiry. Each signal moves the
 *       expiry on, so the one it replaces is deleted rather than left to fire for nothing.
 * </ul>
 *
 * The rule's clock runs behind the watermark by its extra lateness: a timer at {@code t} is the
 * rule's time {@code t - lateness}.
 */
public class ThresholdDetector extends AbstractStreamOperator<Alert>
        implements OneInputStreamOperator<Signal, Alert>, Triggerable<String, Integer> {
    private static final long serialVersionUID = 1L;

    /** Signals later than the allowed lateness. */
    public static final OutputTag<Signal> LATE =
            new OutputTag<>("late-signals", SignalTypeInfo.INSTANCE);

    /** Sign-in bursts, from the rules that are a {@link LoginBurstSource}. */
    public static final OutputTag<LoginBurst> BURSTS =
            new OutputTag<>("login-bursts", TypeInformation.of(LoginBurst.class));

    /** Timer namespace: signals become due. */
    static final int DUE = 0;

    /** Timer namespace: a report or an expiry falls due. */
    static final int CLOCK = 1;

    private static final long NONE = Long.MIN_VALUE;

    private final ThresholdRule rule;
    private transient InternalListState<String, Long, Signal> pending;
    private transient ValueState<BurstState> state;
    private transient InternalTimerService<Integer> timers;

    public ThresholdDetector(ThresholdRule rule) {
        this.rule = rule;
        this.chainingStrategy = ChainingStrategy.ALWAYS;
    }

    @Override
    public void open() throws Exception {
        super.open();
        pending =
                (InternalListState<String, Long, Signal>)
                        getOrCreateKeyedState(
                                LongSerializer.INSTANCE,
                                new ListStateDescriptor<>(
                                        "pending-by-due", SignalTypeInfo.INSTANCE));
        state = getPartitionedState(new ValueStateDescriptor<>("burst", BurstState.class));
        timers = getInternalTimerService("detector", IntSerializer.INSTANCE, this);
    }

    @Override
    public void processElement(StreamRecord<Signal> element) throws Exception {
        Signal s = element.getValue();
        long due = s.time + rule.latenessMillis();
        if (due <= timers.currentWatermark()) {
            output.collect(LATE, element);
            return;
        }
        pending.setCurrentNamespace(due);
        pending.add(s);
        timers.registerEventTimeTimer(DUE, due - 1);
    }

    @Override
    public void onEventTime(InternalTimer<String, Integer> timer) throws Exception {
        long t = timer.getTimestamp();
        BurstState st = state.value();
        long expiryBefore = st == null ? NONE : expiryTimer(st);
        List<Signal> released = List.of();
        if (timer.getNamespace() == DUE) {
            pending.setCurrentNamespace(t + 1);
            released = takeDue();
        }
        if (st == null && released.isEmpty()) {
            return;
        }
        if (st != null) {
            tick(st, t, timer.getKey());
        }
        for (Signal s : released) {
            if (st == null) {
                st = new BurstState();
            }
            Incident opened = st.offer(s, rule);
            if (opened != null && !opened.silent) {
                timers.registerEventTimeTimer(CLOCK, opened.reportAt + rule.latenessMillis());
            }
        }
        long expiryAfter = NONE;
        if (st.isEmpty()) {
            state.clear();
        } else {
            state.update(st);
            expiryAfter = expiryTimer(st);
        }
        if (expiryAfter != expiryBefore) {
            if (expiryBefore > t && expiryBefore != reportTimer(st)) {
                timers.deleteEventTimeTimer(CLOCK, expiryBefore);
            }
            if (expiryAfter != NONE) {
                timers.registerEventTimeTimer(CLOCK, expiryAfter);
            }
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<String, Integer> timer) {
        // event time only
    }

    /** The signals of the current due-time namespace, in their fixed order; they are removed. */
    private List<Signal> takeDue() throws Exception {
        Iterable<Signal> due = pending.get();
        if (due == null) {
            return List.of();
        }
        List<Signal> out = new ArrayList<>();
        due.forEach(out::add);
        pending.clear();
        out.sort(Signal.ORDER);
        return out;
    }

    /** Runs the key's clock to the rule's time of timer {@code t}: reports and expiries due. */
    private void tick(BurstState st, long t, String key) {
        long now = t - rule.latenessMillis();
        if (st.reportDue(now)) {
            report(key, st.incident, t);
        }
        Incident ended = st.expire(now, rule);
        if (ended != null && !ended.silent) {
            if (!ended.reported) {
                report(key, ended, t);
            } else if (ended.lastSeen > ended.reportedLastSeen) {
                // the burst went on after its alert: tell the follow-up rules when it really ended
                publish(key, ended, null, t);
            }
        }
    }

    private long expiryTimer(BurstState st) {
        return st.nextExpiry(rule) + rule.latenessMillis();
    }

    /** The timer of the open incident's report while it is still to come, else {@link #NONE}. */
    private long reportTimer(BurstState st) {
        Incident i = st.incident;
        return i == null || i.silent || i.reported ? NONE : i.reportAt + rule.latenessMillis();
    }

    private void report(String key, Incident i, long t) {
        Alert alert = rule.alert(key, i, System.currentTimeMillis());
        i.markReported();
        output.collect(new StreamRecord<>(alert, t));
        publish(key, i, alert.alertId, t);
    }

    private void publish(String key, Incident i, String alertId, long t) {
        if (rule instanceof LoginBurstSource) {
            String id = alertId != null ? alertId : rule.alert(key, i, 0L).alertId;
            output.collect(
                    BURSTS, new StreamRecord<>(((LoginBurstSource) rule).burst(key, i, id), t));
        }
    }
}
