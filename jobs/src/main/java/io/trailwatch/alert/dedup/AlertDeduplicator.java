package io.trailwatch.alert.dedup;

import io.trailwatch.config.DedupSettings;
import io.trailwatch.metrics.Counters;
import io.trailwatch.model.Alert;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@link DedupKey}: passes the first alert at once, folds the repeats of the following
 * window (event time) into one follow-up, emitted when the watermark passes the window's end. One
 * {@link DedupEpisode} per key at most, cleared with its timer, so state stays bounded by the
 * number of keys with an open window.
 */
public class AlertDeduplicator extends KeyedProcessFunction<String, Alert, Alert> {
    private static final long serialVersionUID = 1L;

    static final ValueStateDescriptor<DedupEpisode> EPISODE =
            new ValueStateDescriptor<>("dedup-episode", TypeInformation.of(DedupEpisode.class));

    private final DedupSettings settings;
    private transient ValueState<DedupEpisode> episode;
    private transient LongCounter suppressed;
    private transient LongCounter followUps;

    public AlertDeduplicator(DedupSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(Configuration parameters) {
        episode = getRuntimeContext().getState(EPISODE);
        suppressed = getRuntimeContext().getLongCounter(Counters.DEDUP_SUPPRESSED);
        followUps = getRuntimeContext().getLongCounter(Counters.DEDUP_FOLLOW_UPS);
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<Alert> out) throws Exception {
        long window = settings.windowMillisFor(alert.ruleId);
        if (window <= 0 || alert.isFollowUp()) {
            out.collect(alert);
            return;
        }
        long ts = ctx.timestamp() != null ? ctx.timestamp() : alert.eventTime;
        DedupEpisode current = episode.value();
        if (current != null && !current.covers(ts)) {
            // The window is over in event time but the watermark has not fired its timer yet
            // (the alert overtook the watermark): close it now, so this alert opens the next one.
            close(current, ctx, out);
            current = null;
        }
        if (current == null) {
            DedupEpisode opened = DedupEpisode.open(alert, ts, window);
            episode.update(opened);
            ctx.timerService().registerEventTimeTimer(lastInstant(opened));
            out.collect(alert);
        } else if (!current.isTheFirstAgain(alert)) {
            current.absorb(alert);
            episode.update(current);
            suppressed.add(1);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        DedupEpisode current = episode.value();
        if (current != null && timestamp >= lastInstant(current)) {
            close(current, ctx, out);
        }
    }

    private void close(DedupEpisode ended, Context ctx, Collector<Alert> out) {
        Alert followUp = ended.followUp(System.currentTimeMillis());
        if (followUp != null) {
            out.collect(followUp);
            followUps.add(1);
        }
        ctx.timerService().deleteEventTimeTimer(lastInstant(ended));
        episode.clear();
    }

    /** The timer fires when no alert inside the window can still arrive in time. */
    private static long lastInstant(DedupEpisode e) {
        return e.end - 1;
    }
}
