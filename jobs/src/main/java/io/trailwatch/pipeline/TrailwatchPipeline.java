package io.trailwatch.pipeline;

import io.trailwatch.alert.dedup.AlertDeduplication;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.patterns.AccountActivity;
import io.trailwatch.detect.patterns.CloudTrailOwnershipAndSignals;
import io.trailwatch.detect.patterns.FlowOwnershipAndSignals;
import io.trailwatch.detect.patterns.UnownedAccountAlerts;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.join.OwnershipTableFunction;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The one detection graph behind every entry point (replay, run, tests):
 *
 * <pre>
 * raw records ─▶ decode ─▶ watermarks ─▶ ownership join ─┬▶ stateless rules ──────┬▶ overrides,  ─▶ dedup ─▶ alerts
 *                   │                    (broadcast table) ├▶ TW-OWN-01 ────────────┤  suppressions
 *                   │                                      └▶ windowed detectors ──┘
 *                   └──────────────▶ dead letters            ({@link PatternDetectors})
 * </pre>
 *
 * Only the sources handed in and the sinks attached to {@link Streams} differ between entry points.
 */
public final class TrailwatchPipeline {
    private final PipelineSettings settings;

    public TrailwatchPipeline(PipelineSettings settings) {
        this.settings = settings;
    }

    /** What the graph produces; the caller attaches sinks. */
    public static final class Streams {
        public final DataStream<Alert> alerts;
        public final DataStream<DeadLetter> deadLetters;

        Streams(DataStream<Alert> alerts, DataStream<DeadLetter> deadLetters) {
            this.alerts = alerts;
            this.deadLetters = deadLetters;
        }
    }

    /**
     * @param raw undecoded input from files or Kinesis
     * @param tableUpdates new versions of the ownership table as they are published
     * @param initialTable the table in force before the first update arrives
     */
    public Streams build(
            DataStream<RawRecord> raw,
            DataStream<OwnershipTable> tableUpdates,
            OwnershipTable initialTable) {
        SingleOutputStreamOperator<CloudTrailEvent> decoded =
                raw.process(
                                new DecodeFunction(
                                        settings.decodeLimits, settings.headerlessFlowFormat))
                        .uid("decode")
                        .name("Decode CloudTrail and flow records");

        DataStream<CloudTrailEvent> cloudTrail =
                decoded.assignTimestampsAndWatermarks(watermarks(CloudTrailEvent.class))
                        .uid("cloudtrail-watermarks")
                        .name("CloudTrail event time");
        DataStream<FlowRecord> flows =
                decoded.getSideOutput(DecodeFunction.FLOW)
                        .assignTimestampsAndWatermarks(watermarks(FlowRecord.class))
                        .uid("flow-watermarks")
                        .name("Flow event time");

        BroadcastStream<OwnershipTable> table =
                tableUpdates.broadcast(OwnershipTableFunction.TABLE_STATE);
        // The joins also extract the windowed rules' signals (side outputs): they hold the table.
        PatternDetectors patterns = new PatternDetectors(settings);
        SingleOutputStreamOperator<CloudTrailEvent> ownedEvents =
                cloudTrail
                        .connect(table)
                        .process(
                                new CloudTrailOwnershipAndSignals(
                                        initialTable, patterns.signalKinds()))
                        .uid("cloudtrail-ownership")
                        .name("Join CloudTrail with owners");
        SingleOutputStreamOperator<FlowRecord> ownedFlows =
                flows.connect(table)
                        .process(new FlowOwnershipAndSignals(initialTable, patterns.signalKinds()))
                        .uid("flow-ownership")
                        .name("Join flows with owners");

        DataStream<Alert> alerts =
                ownedEvents
                        .connect(table)
                        .process(new StatelessRulesFunction(initialTable, settings.rules.disabled))
                        .uid("stateless-rules")
                        .name("Stateless rules");
        if (settings.rules.isEnabled(RuleCatalog.UNOWNED_ACCOUNT.id())) {
            alerts = alerts.union(unownedAccountAlerts(ownedEvents, ownedFlows));
        }
        DataStream<Alert> patternAlerts = patterns.build(ownedEvents, ownedFlows);
        if (patternAlerts != null) {
            alerts = alerts.union(patternAlerts);
        }

        // Suppressed alerts must not count as repeats, and overrides apply before repeats are
        // folded.
        DataStream<Alert> policed =
                alerts.process(new ApplyAlertPolicy(settings.rules))
                        .uid("alert-policy")
                        .name("Severity overrides and suppressions");
        // Repeats within the window fold into one follow-up.
        DataStream<Alert> counted =
                AlertDeduplication.apply(policed, settings.deduplication)
                        .process(new CountAlerts())
                        .uid("count-alerts")
                        .name("Count alerts");
        return new Streams(counted, decoded.getSideOutput(DecodeFunction.DEAD_LETTERS));
    }

    private DataStream<Alert> unownedAccountAlerts(
            DataStream<CloudTrailEvent> events, DataStream<FlowRecord> flows) {
        String rule = RuleCatalog.UNOWNED_ACCOUNT.id();
        OutputTag<AccountActivity> late = new OutputTag<>("late-" + rule) {};
        DataStream<AccountActivity> activity =
                events.filter(e -> e.owner.isUnowned() && e.account() != null)
                        .uid(rule + "-unowned-cloudtrail")
                        .name("Unowned CloudTrail events")
                        .map(AccountActivity::of)
                        .returns(AccountActivity.class)
                        .uid(rule + "-cloudtrail-activity")
                        .name("CloudTrail activity")
                        .union(
                                flows.filter(f -> f.owner.isUnowned() && f.accountId != null)
                                        .uid(rule + "-unowned-flows")
                                        .name("Unowned flows")
                                        .map(AccountActivity::of)
                                        .returns(AccountActivity.class)
                                        .uid(rule + "-flow-activity")
                                        .name("Flow activity"));
        SingleOutputStreamOperator<Alert> alerts =
                activity.keyBy(a -> a.account, Types.STRING)
                        .window(TumblingEventTimeWindows.of(settings.unownedWindow))
                        .sideOutputLateData(late)
                        .aggregate(
                                new UnownedAccountAlerts.Summarize(),
                                new UnownedAccountAlerts.ToAlert())
                        .uid(rule)
                        .name(rule + " unowned account activity");
        alerts.getSideOutput(late)
                .process(new CountLate<>(rule))
                .uid(rule + "-late")
                .name(rule + " late records");
        return alerts;
    }

    private <T> WatermarkStrategy<T> watermarks(Class<T> type) {
        WatermarkStrategy<T> strategy =
                WatermarkStrategy.<T>forBoundedOutOfOrderness(settings.allowedLateness)
                        .withTimestampAssigner((element, ts) -> EventTimes.of(element));
        return settings.idleness == null ? strategy : strategy.withIdleness(settings.idleness);
    }
}
