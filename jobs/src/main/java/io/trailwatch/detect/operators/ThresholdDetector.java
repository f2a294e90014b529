package io.trailwatch.detect.operators;

import io.trailwatch.detect.patterns.SignalTypeInfo;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.BurstState;
import io.trailwatch.detect.windowed.DueKeys;
import io.trailwatch.detect.windowed.Incident;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.LoginBurstSource;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.detect.windowed.ThresholdRules;
import io.trailwatch.model.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.state.internal.InternalListState;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.watermark.Watermark;
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
 * <p>An operator rather than a process function, for the cost per signal. The signals due at one
 * time are a list in a namespace of their own, so holding one back is an append that reads nothing
 * (on RocksDB, where the service keeps state), and releasing them one read. Which keys hold signals
 * for which due time is {@link DueKeys}, an index in memory that a restore builds again from those
 * namespaces; as the watermark passes a due time, the timers before it fire first, then the signals
 * are handed over, then the timers at it. A timer per key and due time did the same at twice the
 * cost of the rule itself.
 *
 * <p>The {@link #CLOCK} timers: the report of an incident, and the key's expiry. A signal that
 * moves the expiry on leaves the timer where it is; when it fires and the state has not expired, it
 * sets the next one, so a busy key holds one expiry timer and changes it once a window rather than
 * with every signal. The rule's clock runs behind the watermark by its extra lateness: a timer at
 * {@code t} is the rule's time {@code t - lateness}.
 */
public class ThresholdDetector extends AbstractStreamOperator<Alert>
        implements OneInputStreamOperator<Signal, Alert>, Triggerable<String, Integer> {
    private static final long serialVersionUID = 1L;

    /** Signals later than the allowed lateness. */
    public static final OutputTag<Signal> LATE =
            new OutputTag<>("late-signals", SignalTypeInfo.INSTANCE);

    /**
     * What the rules' reports give the rules that count them (a correlation's alerts, for the
     * correlations of correlations).
     */
    public static final OutputTag<Signal> FEEDS =
            new OutputTag<>("fed-signals", SignalTypeInfo.INSTANCE);

    /** Sign-in bursts, from the rules that are a {@link LoginBurstSource}. */
    public static final OutputTag<LoginBurst> BURSTS =
            new OutputTag<>("login-bursts", TypeInformation.of(LoginBurst.class));

    /**
     * Timer namespace: a report or an expiry falls due. Namespace 0 held earlier builds' timer per
     * key and due time; restored from their snapshots, those fire and do nothing.
     */
    static final int CLOCK = 1;

    static final String PENDING = "pending-by-due";

    private final ThresholdRules rules;
    private transient InternalListState<String, Long, Signal> pending;
    private transient ValueState<BurstState> state;
    private transient InternalTimerService<Integer> timers;
    private transient DueKeys dueKeys;

    public ThresholdDetector(ThresholdRule rule) {
        this(ThresholdRules.of(rule));
    }

    /** A detector whose keys each name the rule that counts them. */
    public ThresholdDetector(ThresholdRules rules) {
        this.rules = rules;
        this.chainingStrategy = ChainingStrategy.ALWAYS;
    }

    @Override
    public void open() throws Exception {
        super.open();
        pending =
                (InternalListState<String, Long, Signal>)
                        getOrCreateKeyedState(
                                LongSerializer.INSTANCE,
                                new ListStateDescriptor<>(PENDING, SignalTypeInfo.INSTANCE));
        state = getPartitionedState(new ValueStateDescriptor<>("burst", BurstState.class));
        timers = getInternalTimerService("detector", IntSerializer.INSTANCE, this);
        dueKeys = new DueKeys();
        try (Stream<Tuple2<String, Long>> restored =
                this.<String>getKeyedStateBackend().getKeysAndNamespaces(PENDING)) {
            restored.forEach(held -> dueKeys.add(held.f1, held.f0));
        }
    }

    @Override
    public void processElement(StreamRecord<Signal> element) throws Exception {
        Signal s = element.getValue();
        long due = onGrain(s.time + rules.forKey((String) getCurrentKey()).latenessMillis());
        if (due <= timers.currentWatermark()) {
            output.collect(LATE, element);
            return;
        }
        pending.setCurrentNamespace(due);
        pending.add(s);
        dueKeys.add(due, (String) getCurrentKey());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        // a signal due at d is handed over at d - 1, after the timers before it and before those at
        // d, so that a clock timer at a signal's own due time sees the signal
        while (!dueKeys.isEmpty() && dueKeys.firstDue() - 1 <= mark.getTimestamp()) {
            long t = dueKeys.firstDue() - 1;
            timeServiceManager.advanceWatermark(new Watermark(t));
            for (String key : dueKeys.takeFirst()) {
                setCurrentKey(key);
                pending.setCurrentNamespace(t + 1);
                release(key, t, takeDue());
            }
        }
        super.processWatermark(mark);
    }

    @Override
    public void onEventTime(InternalTimer<String, Integer> timer) throws Exception {
        if (timer.getNamespace() == CLOCK) {
            release(timer.getKey(), timer.getTimestamp(), List.of());
        }
    }

    /**
     * Runs the key's clock to timer time {@code t}, then offers the signals due at {@code t + 1}.
     */
    private void release(String key, long t, List<Signal> released) throws Exception {
        ThresholdRule rule = rules.forKey(key);
        BurstState st = state.value();
        if (st == null && released.isEmpty()) {
            return;
        }
        if (st != null) {
            tick(st, t, key, rule);
        }
        for (Signal s : released) {
            if (st == null) {
                st = new BurstState();
            }
            Incident opened = st.offer(s, rule);
            if (opened != null && !opened.silent) {
                timers.registerEventTimeTimer(
                        CLOCK, onGrain(opened.reportAt + rule.latenessMillis()));
            }
        }
        if (st.isEmpty()) {
            // the key's timers still to come find no state and do nothing
            state.clear();
            return;
        }
        long expiry = onGrain(st.nextExpiry(rule) + rule.latenessMillis());
        if (st.expiryTimer <= t || st.expiryTimer > expiry) {
            timers.registerEventTimeTimer(CLOCK, expiry);
            st.expiryTimer = expiry;
        }
        state.update(st);
    }

    /**
     * A due or timer time rounded up to the rules' grain: with a coarser grain, the signals and
     * timers of a key fall on fewer times, each of which costs the watermark a step.
     */
    private long onGrain(long t) {
        long grain = rules.grainMillis();
        return grain == 1 ? t : Math.floorDiv(t + grain - 1, grain) * grain;
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
    private void tick(BurstState st, long t, String key, ThresholdRule rule) {
        long now = t - rule.latenessMillis();
        if (st.reportDue(now)) {
            report(key, st.incident, t, rule);
        }
        Incident ended = st.expire(now, rule);
        if (ended != null && !ended.silent) {
            if (!ended.reported) {
                report(key, ended, t, rule);
            } else if (ended.lastSeen > ended.reportedLastSeen) {
                // the burst went on after its alert: tell the follow-up rules when it really ended
                publish(key, ended, null, t, rule);
            }
        }
    }

    private void report(String key, Incident i, long t, ThresholdRule rule) {
        Alert alert = rule.alert(key, i, System.currentTimeMillis());
        i.markReported();
        if (rule.alerts()) {
            output.collect(new StreamRecord<>(alert, t));
        }
        for (Signal fed : rule.feeds(key, i, alert.alertId, t)) {
            output.collect(FEEDS, new StreamRecord<>(fed, t));
        }
        publish(key, i, alert.alertId, t, rule);
    }

    private void publish(String key, Incident i, String alertId, long t, ThresholdRule rule) {
        if (rule instanceof LoginBurstSource) {
            String id = alertId != null ? alertId : rule.alert(key, i, 0L).alertId;
            output.collect(
                    BURSTS, new StreamRecord<>(((LoginBurstSource) rule).burst(key, i, id), t));
        }
    }
}
