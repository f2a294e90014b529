package io.trailwatch.pipeline;

import io.trailwatch.alert.dedup.AlertDeduplication;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.operators.UnownedAccountAlerts;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.detect.windowed.UnownedAccountRule;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AwsRanges;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.MultipleConnectedStreams;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.transformations.MultipleInputTransformation;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The one detection graph behind every entry point (replay, run, tests):
 *
 * <pre>
 *                 ┌ decode, owners (broadcast table,  ┐
 *                 │ AWS's ranges), event time,        │
 * raw records ──▶ │ stateless rules,                  │ ─┬▶ stateless rules' alerts ─┬▶ overrides,  ─▶ dedup ─▶ alerts
 *                 └ signals ({@link AnalysisOperator})┘  ├▶ unowned ─▶ TW-OWN-01 ─────┤  suppressions
 *                                                        ├▶ signals ─▶ windowed ──────┘
 *                                                        │            ({@link PatternDetectors})
 *                                                        └▶ dead letters
 * </pre>
 *
 * Everything per record happens in the first operator, so that only alerts, signals and unowned
 * activity (few and small) are handed between operators.
 *
 * <p>Only the sources handed in and the sinks attached to {@link Streams} differ between entry
 * points.
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
        return build(raw, tableUpdates, initialTable, null, null);
    }

    /**
     * @param rangeUpdates new versions of AWS's published ranges as they are read; {@code null}
     *     when they are not polled
     * @param initialRanges AWS's ranges in force before the first update arrives; {@code null} with
     *     no update either: every public address counts as outside AWS (TW-CRED-01 as without the
     *     ranges, TW-CRED-02 silent)
     */
    public Streams build(
            DataStream<RawRecord> raw,
            DataStream<OwnershipTable> tableUpdates,
            OwnershipTable initialTable,
            DataStream<AwsRanges> rangeUpdates,
            AwsRanges initialRanges) {
        PatternDetectors patterns =
                new PatternDetectors(
                        settings,
                        SigmaRuleSet.compile(settings.rules.files, RuleRegistry.builtIn())
                                .registry());
        boolean unownedRule = settings.rules.isEnabled(UnownedAccountRule.INFO.id());
        StreamExecutionEnvironment env = raw.getExecutionEnvironment();
        AnalysisOperator.Factory analyze =
                new AnalysisOperator.Factory(
                        initialTable,
                        initialRanges,
                        rangeUpdates != null,
                        settings,
                        patterns.signalKinds());
        // A checkpointed bounded job with its file source chained here never finished: it hung at
        // the end of its input unless Flink's checkpoints after tasks finish were switched off
        // (FaultInjectionTest, Flink 1.20). Chaining is for the replay, which does not checkpoint;
        // the Kinesis consumer of a checkpointed run cannot chain anyway.
        if (env.getCheckpointConfig().isCheckpointingEnabled()) {
            analyze.setChainingStrategy(ChainingStrategy.ALWAYS);
        }
        MultipleInputTransformation<Alert> analysis =
                new MultipleInputTransformation<>(
                                "Decode, owners, signals, stateless rules",
                                analyze,
                                TypeInformation.of(Alert.class),
                                env.getParallelism(),
                                false)
                        .addInput(raw.getTransformation())
                        .addInput(tableUpdates.broadcast().getTransformation());
        if (rangeUpdates != null) {
            analysis.addInput(rangeUpdates.broadcast().getTransformation());
        }
        env.addOperator(analysis);
        SingleOutputStreamOperator<Alert> analyzed =
                new MultipleConnectedStreams(env).transform(analysis).uid("analyze");

        DataStream<Alert> alerts = analyzed;
        if (unownedRule) {
            alerts = alerts.union(unownedAccountAlerts(analyzed));
        }
        DataStream<Alert> patternAlerts = patterns.build(analyzed);
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
        return new Streams(counted, analyzed.getSideOutput(AnalysisOperator.DEAD_LETTERS));
    }

    private DataStream<Alert> unownedAccountAlerts(SingleOutputStreamOperator<Alert> analyzed) {
        String rule = UnownedAccountRule.INFO.id();
        OutputTag<AccountActivity> late = new OutputTag<>("late-" + rule) {};
        DataStream<AccountActivity> activity =
                analyzed.getSideOutput(AnalysisOperator.UNOWNED_ACTIVITY);
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
}
