package io.trailwatch.pipeline;

import io.trailwatch.config.PipelineSettings;
import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.patterns.AccountActivity;
import io.trailwatch.detect.patterns.SignalTags;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.signals.SignalKind;
import io.trailwatch.ingest.FlowLogFormat;
import io.trailwatch.ingest.SkipKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnerResolver;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.operators.TimestampsAndWatermarksOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.clock.RelativeClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's first step after its sources: {@link RecordAnalysis} of every raw record with the
 * ownership table in force, and the event time of what it decodes.
 *
 * <ul>
 *   <li>Input 1: raw records. Input 2: new versions of the ownership table, sent to every parallel
 *       instance and kept in broadcast state, so a new table takes effect without a restart; until
 *       one arrives (and after a restart, until the state is restored) the table given at build
 *       time applies.
 *   <li>Main output: the stateless rules' alerts. Side outputs: each signal kind ({@link
 *       SignalTags}), {@link #UNOWNED_ACTIVITY} and {@link #DEAD_LETTERS}.
 *   <li>Event time: each output carries the time of the event it comes from; the watermark follows
 *       the decoded events ({@link KindWatermarks}), so the sources need none.
 * </ul>
 */
public final class AnalyzeRecords extends AbstractStreamOperator<Alert>
        implements TwoInputStreamOperator<RawRecord, OwnershipTable, Alert>,
                ProcessingTimeCallback {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeRecords.class);

    public static final MapStateDescriptor<String, OwnershipTable> TABLE_STATE =
            new MapStateDescriptor<>(
                    "ownership-table", Types.STRING, TypeInformation.of(OwnershipTable.class));
    private static final String CURRENT = "current";

    public static final OutputTag<AccountActivity> UNOWNED_ACTIVITY =
            new OutputTag<>("unowned-activity") {};
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final OwnershipTable initialTable;
    private final PipelineSettings settings;
    private final EnumSet<SignalKind> signalKinds;

    private transient RecordAnalysis analysis;
    private transient Emitter emitter;
    private transient BroadcastState<String, OwnershipTable> tableState;
    private transient OwnershipTable table;
    private transient OwnerResolver owners;
    private transient KindWatermarks watermarks;
    private transient TimestampsAndWatermarksOperator.WatermarkEmitter watermarkOutput;
    private transient long watermarkInterval;
    private transient ListState<String> eventTimeKinds;
    private transient List<String> restoredKinds;

    /**
     * @param initialTable the table in force until a new version arrives
     * @param settings decode limits, the headerless flow format, the rules (disabled ones are not
     *     run), lateness and idleness
     * @param signalKinds the signals the enabled windowed rules need
     */
    public AnalyzeRecords(
            OwnershipTable initialTable, PipelineSettings settings, Set<SignalKind> signalKinds) {
        this.initialTable = initialTable;
        this.settings = settings;
        this.signalKinds =
                signalKinds.isEmpty()
                        ? EnumSet.noneOf(SignalKind.class)
                        : EnumSet.copyOf(signalKinds);
    }

    /**
     * The kinds of record this job has had are kept in state (every instance gets all of them on
     * restore, whatever the parallelism), so that after a restart each holds back event time until
     * its records come again.
     */
    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        eventTimeKinds =
                context.getOperatorStateStore()
                        .getUnionListState(
                                new ListStateDescriptor<>("event-time-kinds", Types.STRING));
        restoredKinds = new ArrayList<>();
        for (String kind : eventTimeKinds.get()) {
            restoredKinds.add(kind);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<String> known = new ArrayList<>();
        for (KindWatermarks.Kind kind : watermarks.known()) {
            known.add(kind.name());
        }
        eventTimeKinds.update(known);
    }

    @Override
    public void open() throws Exception {
        super.open();
        FlowLogFormat format = FlowLogFormat.parseHeader(settings.headerlessFlowFormat);
        if (format == null) {
            throw new IllegalArgumentException(
                    "not a flow log format: " + settings.headerlessFlowFormat);
        }
        analysis =
                new RecordAnalysis(
                        settings.decodeLimits,
                        format,
                        settings.rules.disabled,
                        signalKinds,
                        settings.rules.isEnabled(RuleCatalog.UNOWNED_ACCOUNT.id()));
        emitter = new Emitter();
        tableState = getOperatorStateBackend().getBroadcastState(TABLE_STATE);
        OwnershipTable restored = tableState.get(CURRENT);
        useTable(restored != null ? restored : initialTable);

        WatermarkStrategy<Object> strategy =
                WatermarkStrategy.forBoundedOutOfOrderness(settings.allowedLateness);
        WatermarkStrategy<Object> withIdleness =
                settings.idleness == null ? strategy : strategy.withIdleness(settings.idleness);
        RelativeClock clock = getProcessingTimeService().getClock();
        WatermarkGeneratorSupplier.Context context =
                new WatermarkGeneratorSupplier.Context() {
                    @Override
                    public MetricGroup getMetricGroup() {
                        return AnalyzeRecords.this.getMetricGroup();
                    }

                    @Override
                    public RelativeClock getInputActivityClock() {
                        return clock;
                    }
                };
        watermarkOutput = new TimestampsAndWatermarksOperator.WatermarkEmitter(output);
        watermarks =
                new KindWatermarks(
                        () -> withIdleness.createWatermarkGenerator(context), watermarkOutput);
        for (String kind : restoredKinds) {
            watermarks.expect(KindWatermarks.Kind.valueOf(kind));
        }
        // A kind the job has an input for holds event time back from the start, not only after
        // a restart: otherwise records of the other kind, read first, carry it past this one's
        // backlog. Only with idleness, which ends the wait for a kind that never comes.
        if (settings.idleness != null && settings.awaitCloudTrail) {
            watermarks.expect(KindWatermarks.Kind.CLOUDTRAIL);
        }
        if (settings.idleness != null && settings.awaitFlows) {
            watermarks.expect(KindWatermarks.Kind.FLOW);
        }
        watermarkInterval = getExecutionConfig().getAutoWatermarkInterval();
        if (watermarkInterval > 0) {
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + watermarkInterval, this);
        }
    }

    @Override
    public void processElement1(StreamRecord<RawRecord> element) {
        analysis.analyze(element.getValue(), owners, emitter);
    }

    @Override
    public void processElement2(StreamRecord<OwnershipTable> element) throws Exception {
        OwnershipTable next = element.getValue();
        OwnershipTable previous = tableState.get(CURRENT);
        if (previous == null || !next.version.equals(previous.version)) {
            LOG.info(
                    "Ownership table {} version {} in force ({} rows)",
                    next.source,
                    next.version,
                    next.rows.length);
        }
        tableState.put(CURRENT, next);
        useTable(next);
    }

    private void useTable(OwnershipTable next) {
        if (next != table) {
            table = next;
            owners = new OwnerResolver(next);
        }
    }

    @Override
    public void onProcessingTime(long timestamp) throws Exception {
        watermarks.onPeriodicEmit();
        long now = getProcessingTimeService().getCurrentProcessingTime();
        getProcessingTimeService().registerTimer(now + watermarkInterval, this);
    }

    /**
     * Upstream watermarks mean nothing here: event time comes from the decoded records. Only the
     * end of the raw input (the last watermark) passes, so that bounded replays finish their
     * windows.
     */
    @Override
    public void processWatermark(Watermark mark) {
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            watermarkOutput.emitWatermark(
                    org.apache.flink.api.common.eventtime.Watermark.MAX_WATERMARK);
        }
    }

    @Override
    public void processWatermark1(Watermark mark) {
        processWatermark(mark);
    }

    /** The table's stream ends or idles independently of the records; it says nothing of time. */
    @Override
    public void processWatermark2(Watermark mark) {}

    @Override
    public void finish() throws Exception {
        watermarks.onPeriodicEmit();
        super.finish();
    }

    /** Sends the analysis' results to the operator's outputs, with their event time, and counts. */
    private final class Emitter implements RecordAnalysis.Output {
        private final StreamRecord<Alert> alert = new StreamRecord<>(null);
        private final LongCounter cloudTrail = counter(Counters.CLOUDTRAIL_RECORDS);
        private final LongCounter flows = counter(Counters.FLOW_RECORDS);
        private final LongCounter nodata = counter(Counters.FLOW_NODATA);
        private final LongCounter skipdata = counter(Counters.FLOW_SKIPDATA);
        private final LongCounter control = counter(Counters.CLOUDWATCH_CONTROL);
        private final LongCounter deadLetters = counter(Counters.DEAD_LETTERS);
        private final Map<String, LongCounter> byReason = new HashMap<>();

        @Override
        public void cloudTrail(CloudTrailEvent event) {
            cloudTrail.add(1);
            watermarks.onEvent(KindWatermarks.Kind.CLOUDTRAIL, event, event.eventTime);
        }

        @Override
        public void flow(FlowRecord record) {
            flows.add(1);
            watermarks.onEvent(KindWatermarks.Kind.FLOW, record, record.eventTime);
        }

        @Override
        public void skipped(SkipKind kind) {
            switch (kind) {
                case FLOW_NODATA:
                    nodata.add(1);
                    break;
                case FLOW_SKIPDATA:
                    skipdata.add(1);
                    break;
                default:
                    control.add(1);
            }
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            deadLetters.add(1);
            byReason.computeIfAbsent(
                            deadLetter.reason, r -> counter(Counters.DEAD_LETTER_REASON + r))
                    .add(1);
            output.collect(DEAD_LETTERS, new StreamRecord<>(deadLetter));
        }

        @Override
        public void alert(Alert a, long eventTime) {
            output.collect(alert.replace(a, eventTime));
        }

        @Override
        public void signal(SignalKind kind, Signal signal) {
            output.collect(SignalTags.of(kind), new StreamRecord<>(signal, signal.time));
        }

        @Override
        public void unownedActivity(AccountActivity activity) {
            output.collect(UNOWNED_ACTIVITY, new StreamRecord<>(activity, activity.eventTime));
        }

        private LongCounter counter(String name) {
            return getRuntimeContext().getLongCounter(name);
        }
    }
}
