package io.trailwatch.pipeline;

import io.trailwatch.analysis.AnalysisOutput;
import io.trailwatch.analysis.RecordAnalyzer;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.operators.SignalTags;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.detect.windowed.UnownedAccountRule;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.FlowLogFormat;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.ingest.SkipKind;
import io.trailwatch.metrics.Counters;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AwsRanges;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.AwsRangeIndex;
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
import org.apache.flink.streaming.api.operators.AbstractInput;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorV2;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.Input;
import org.apache.flink.streaming.api.operators.MultipleInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.operators.TimestampsAndWatermarksOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.clock.RelativeClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's first step after its sources, for every raw record: decode it ({@link RecordDecoder}),
 * count what it held and follow the event time of its events, then analyse those events with the
 * ownership table in force ({@link RecordAnalyzer}).
 *
 * <ul>
 *   <li>Input 1: raw records. Input 2: new versions of the ownership table, sent to every parallel
 *       instance and kept in broadcast state, so a new table takes effect without a restart; until
 *       one arrives (and after a restart, until the state is restored) the table given at build
 *       time applies. Input 3, when AWS's published ranges are polled: their new versions, kept the
 *       same way (a job restored from a snapshot starts with the later published of the restored
 *       ranges and those read at build time).
 *   <li>Main output: the stateless rules' alerts. Side outputs: each signal kind ({@link
 *       SignalTags}), {@link #UNOWNED_ACTIVITY} and {@link #DEAD_LETTERS}.
 *   <li>Event time: each output carries the time of the event it comes from; the watermark follows
 *       the decoded events ({@link KindWatermarks}), so the sources need none.
 *   <li>Chaining: a source of raw records with the same parallelism runs in this operator's task
 *       ({@link Factory}), so the records reach it as objects instead of being serialized into
 *       network buffers and read back by a task of its own (that task's thread alone took a
 *       twentieth of a replay's CPU). Only a multiple-input operator can have a source chained to
 *       it, hence the V2 operator API. The replay's file source chains; the Kinesis consumer, a
 *       legacy source function, cannot and still hands its records over the network, and a job that
 *       checkpoints does not chain ({@link TrailwatchPipeline#build}).
 * </ul>
 */
public final class AnalysisOperator extends AbstractStreamOperatorV2<Alert>
        implements MultipleInputStreamOperator<Alert>, ProcessingTimeCallback {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisOperator.class);

    public static final MapStateDescriptor<String, OwnershipTable> TABLE_STATE =
            new MapStateDescriptor<>(
                    "ownership-table", Types.STRING, TypeInformation.of(OwnershipTable.class));
    public static final MapStateDescriptor<String, AwsRanges> RANGES_STATE =
            new MapStateDescriptor<>(
                    "aws-ranges", Types.STRING, TypeInformation.of(AwsRanges.class));
    private static final String CURRENT = "current";

    public static final OutputTag<AccountActivity> UNOWNED_ACTIVITY =
            new OutputTag<>("unowned-activity") {};
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final OwnershipTable initialTable;
    private final AwsRanges initialRanges;
    private final PipelineSettings settings;
    private final EnumSet<SignalKind> signalKinds;

    @SuppressWarnings("rawtypes")
    private final List<Input> inputs;

    private RecordDecoder decoder;

    /**
     * How many decoded entries the decoder hands over at a time: a few dozen events stay in the
     * processor's caches until they are analysed.
     */
    private static final int HAND_OVER_ENTRIES = 64;

    /** What failed downstream while the decoder was handing entries over, to raise after it. */
    private RuntimeException handOverFailure;

    private RecordAnalyzer analyzer;
    private Emitter emitter;
    private BroadcastState<String, OwnershipTable> tableState;
    private OwnershipTable table;
    private OwnerResolver owners;
    private BroadcastState<String, AwsRanges> rangesState;
    private AwsRanges ranges;
    private KindWatermarks watermarks;
    private TimestampsAndWatermarksOperator.WatermarkEmitter watermarkOutput;
    private long watermarkInterval;
    private ListState<String> eventTimeKinds;
    private List<String> restoredKinds;

    private AnalysisOperator(
            StreamOperatorParameters<Alert> parameters,
            OwnershipTable initialTable,
            AwsRanges initialRanges,
            boolean rangeVersions,
            PipelineSettings settings,
            EnumSet<SignalKind> signalKinds) {
        super(parameters, rangeVersions ? 3 : 2);
        this.initialTable = initialTable;
        this.initialRanges = initialRanges;
        this.settings = settings;
        this.signalKinds = signalKinds;
        this.inputs =
                rangeVersions
                        ? List.of(new RawRecords(), new TableVersions(), new RangeVersions())
                        : List.of(new RawRecords(), new TableVersions());
    }

    /**
     * Makes the operator in its task. The operator itself is not serializable (V2 operators are
     * built where they run), so the job graph carries this.
     */
    public static final class Factory extends AbstractStreamOperatorFactory<Alert> {
        private static final long serialVersionUID = 1L;

        private final OwnershipTable initialTable;
        private final AwsRanges initialRanges;
        private final boolean rangeVersions;
        private final PipelineSettings settings;
        private final EnumSet<SignalKind> signalKinds;

        /**
         * @param initialTable the table in force until a new version arrives
         * @param settings decode limits, the headerless flow format, the rules (disabled ones are
         *     not run), lateness and idleness
         * @param signalKinds the signals the enabled windowed rules need
         */
        public Factory(
                OwnershipTable initialTable,
                PipelineSettings settings,
                Set<SignalKind> signalKinds) {
            this(initialTable, null, false, settings, signalKinds);
        }

        /**
         * @param initialRanges AWS's ranges in force until a new version arrives; {@code null}:
         *     none known, every public address counts as outside AWS
         * @param rangeVersions whether a third input brings new versions of AWS's ranges
         */
        public Factory(
                OwnershipTable initialTable,
                AwsRanges initialRanges,
                boolean rangeVersions,
                PipelineSettings settings,
                Set<SignalKind> signalKinds) {
            this.initialTable = initialTable;
            this.initialRanges = initialRanges;
            this.rangeVersions = rangeVersions;
            this.settings = settings;
            this.signalKinds =
                    signalKinds.isEmpty()
                            ? EnumSet.noneOf(SignalKind.class)
                            : EnumSet.copyOf(signalKinds);
            setChainingStrategy(ChainingStrategy.HEAD_WITH_SOURCES);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends StreamOperator<Alert>> T createStreamOperator(
                StreamOperatorParameters<Alert> parameters) {
            return (T)
                    new AnalysisOperator(
                            parameters,
                            initialTable,
                            initialRanges,
                            rangeVersions,
                            settings,
                            signalKinds);
        }

        @Override
        public Class<? extends StreamOperator<?>> getStreamOperatorClass(ClassLoader classLoader) {
            return AnalysisOperator.class;
        }
    }

    /** Input 1: raw records; input 2: ownership table versions; input 3: AWS's ranges, if any. */
    @Override
    @SuppressWarnings("rawtypes")
    public List<Input> getInputs() {
        return inputs;
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
        decoder = new RecordDecoder(settings.decodeLimits, format);
        decoder.handOverEvery(HAND_OVER_ENTRIES, this::analyzeHandedOver);
        analyzer =
                new RecordAnalyzer(
                        SigmaRuleSet.compile(settings.rules.files, RuleRegistry.builtIn()),
                        settings.rules.disabled,
                        signalKinds,
                        settings.rules.isEnabled(UnownedAccountRule.INFO.id()));
        emitter = new Emitter();
        tableState = getOperatorStateBackend().getBroadcastState(TABLE_STATE);
        OwnershipTable restored = tableState.get(CURRENT);
        useTable(restored != null ? restored : initialTable);
        rangesState = getOperatorStateBackend().getBroadcastState(RANGES_STATE);
        useRanges(newer(rangesState.get(CURRENT), initialRanges));

        WatermarkStrategy<Object> strategy =
                WatermarkStrategy.forBoundedOutOfOrderness(settings.allowedLateness);
        WatermarkStrategy<Object> withIdleness =
                settings.idleness == null ? strategy : strategy.withIdleness(settings.idleness);
        RelativeClock clock = getProcessingTimeService().getClock();
        WatermarkGeneratorSupplier.Context context =
                new WatermarkGeneratorSupplier.Context() {
                    @Override
                    public MetricGroup getMetricGroup() {
                        return AnalysisOperator.this.getMetricGroup();
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

    /**
     * Counts the decoded entries, follows their event time and sends their dead letters, then
     * analyses them.
     */
    private void analyze(DecodedBatch decoded) {
        emitter.followEventTimeAndCount(decoded);
        analyzer.analyze(decoded, owners, emitter);
    }

    /** The same for entries handed over in the middle of a record; a failure waits for its end. */
    private void analyzeHandedOver(DecodedBatch decoded) {
        if (handOverFailure != null) {
            return;
        }
        try {
            analyze(decoded);
        } catch (RuntimeException e) {
            handOverFailure = e;
        }
    }

    private final class RawRecords extends AbstractInput<RawRecord, Alert> {
        RawRecords() {
            super(AnalysisOperator.this, 1);
        }

        @Override
        public void processElement(StreamRecord<RawRecord> element) {
            DecodedBatch rest = decoder.decode(element.getValue());
            if (handOverFailure != null) {
                RuntimeException e = handOverFailure;
                handOverFailure = null;
                throw e;
            }
            analyze(rest);
        }

        /**
         * Upstream watermarks mean nothing here: event time comes from the decoded records. Only
         * the end of the raw input (the last watermark) passes, so that bounded replays finish
         * their windows.
         */
        @Override
        public void processWatermark(Watermark mark) {
            if (mark.getTimestamp() == Long.MAX_VALUE) {
                watermarkOutput.emitWatermark(
                        org.apache.flink.api.common.eventtime.Watermark.MAX_WATERMARK);
            }
        }
    }

    private final class TableVersions extends AbstractInput<OwnershipTable, Alert> {
        TableVersions() {
            super(AnalysisOperator.this, 2);
        }

        @Override
        public void processElement(StreamRecord<OwnershipTable> element) throws Exception {
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

        /**
         * The table's stream ends or idles independently of the records; it says nothing of time.
         */
        @Override
        public void processWatermark(Watermark mark) {}
    }

    /**
     * AWS's ranges to start with: restored ones from a snapshot, or those read when the job was
     * built, whichever AWS published later (a job restored from an old savepoint has read newer).
     */
    private static AwsRanges newer(AwsRanges restored, AwsRanges initial) {
        if (restored == null) {
            return initial;
        }
        if (initial == null) {
            return restored;
        }
        return restored.publishedAt() >= initial.publishedAt() ? restored : initial;
    }

    private final class RangeVersions extends AbstractInput<AwsRanges, Alert> {
        RangeVersions() {
            super(AnalysisOperator.this, 3);
        }

        @Override
        public void processElement(StreamRecord<AwsRanges> element) throws Exception {
            AwsRanges next = element.getValue();
            rangesState.put(CURRENT, next);
            useRanges(next);
        }

        /** Like the table's, this stream says nothing of time. */
        @Override
        public void processWatermark(Watermark mark) {}
    }

    private void useRanges(AwsRanges next) {
        if (next == ranges) {
            return;
        }
        if (next != null && (ranges == null || !next.syncToken.equals(ranges.syncToken))) {
            LOG.info(
                    "AWS ranges {} in force: syncToken {}, created {}, {} prefixes",
                    next.source,
                    next.syncToken,
                    next.createDate,
                    next.prefixes.length);
        }
        ranges = next;
        analyzer.useAwsRanges(next == null ? null : AwsRangeIndex.of(next));
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

    @Override
    public void finish() throws Exception {
        watermarks.onPeriodicEmit();
        super.finish();
    }

    /**
     * Counts what the decoder made, follows its event time and sends its dead letters; sends the
     * analysis' results to the operator's outputs, with their event time.
     */
    private final class Emitter implements AnalysisOutput {
        private final StreamRecord<Alert> alert = new StreamRecord<>(null);
        private final LongCounter cloudTrail = counter(Counters.CLOUDTRAIL_RECORDS);
        private final LongCounter flows = counter(Counters.FLOW_RECORDS);
        private final LongCounter nodata = counter(Counters.FLOW_NODATA);
        private final LongCounter skipdata = counter(Counters.FLOW_SKIPDATA);
        private final LongCounter control = counter(Counters.CLOUDWATCH_CONTROL);
        private final LongCounter insights = counter(Counters.CLOUDTRAIL_INSIGHTS);
        private final LongCounter digests = counter(Counters.CLOUDTRAIL_DIGESTS);
        private final LongCounter deadLetters = counter(Counters.DEAD_LETTERS);
        private final Map<String, LongCounter> byReason = new HashMap<>();

        /**
         * Follows the event time of the decoded records, counts them and sends the dead letters.
         */
        void followEventTimeAndCount(DecodedBatch decoded) {
            int events = 0;
            int flowRecords = 0;
            for (int i = 0, n = decoded.size(); i < n; i++) {
                switch (decoded.kind(i)) {
                    case CLOUDTRAIL:
                        CloudTrailEvent event = decoded.cloudTrail(i);
                        events++;
                        watermarks.onEvent(KindWatermarks.Kind.CLOUDTRAIL, event, event.eventTime);
                        break;
                    case FLOW:
                        FlowRecord record = decoded.flow(i);
                        flowRecords++;
                        watermarks.onEvent(KindWatermarks.Kind.FLOW, record, record.eventTime);
                        break;
                    case SKIPPED:
                        skipped(decoded.skipped(i));
                        break;
                    default:
                        deadLetter(decoded.deadLetter(i));
                }
            }
            if (events > 0) {
                cloudTrail.add(events);
            }
            if (flowRecords > 0) {
                flows.add(flowRecords);
            }
        }

        private void skipped(SkipKind kind) {
            switch (kind) {
                case FLOW_NODATA:
                    nodata.add(1);
                    break;
                case FLOW_SKIPDATA:
                    skipdata.add(1);
                    break;
                case CLOUDTRAIL_INSIGHT:
                    insights.add(1);
                    break;
                case CLOUDTRAIL_DIGEST:
                    digests.add(1);
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
