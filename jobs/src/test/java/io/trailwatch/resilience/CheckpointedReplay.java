package io.trailwatch.resilience;

import io.trailwatch.config.PipelineSettings;
import io.trailwatch.ingest.file.ReplayFileSource;
import io.trailwatch.model.Alert;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import io.trailwatch.pipeline.TrailwatchPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The job the resilience tests disturb: the whole pipeline over replayed files at parallelism 2,
 * checkpointed every 200 ms, restarting up to three times, with a step after the source or on the
 * alerts where a test injects its fault. The ids of the alerts it produces collect in {@link #IDS}.
 */
final class CheckpointedReplay {
    static final Set<String> IDS = ConcurrentHashMap.newKeySet();

    private CheckpointedReplay() {}

    /**
     * @param rawFault a step between the source and the analysis, or null
     * @param alertFault a step on the alerts, or null
     */
    static JobClient start(
            List<Path> inputs,
            OwnershipTable table,
            MapFunction<RawRecord, RawRecord> rawFault,
            MapFunction<Alert, Alert> alertFault,
            String faultName)
            throws Exception {
        IDS.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(conf);
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofMillis(200).toMillis());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 100));
        PipelineSettings settings = PipelineSettings.forReplay();
        DataStream<RawRecord> raw =
                env.fromSource(
                        ReplayFileSource.of(inputs, settings.decodeLimits),
                        WatermarkStrategy.noWatermarks(),
                        "files");
        if (rawFault != null) {
            raw = raw.map(rawFault).name(faultName);
        }
        TrailwatchPipeline.Streams streams =
                new TrailwatchPipeline(settings).build(raw, env.fromData(table), table);
        DataStream<Alert> alerts = streams.alerts;
        if (alertFault != null) {
            alerts = alerts.map(alertFault).name(faultName);
        }
        alerts.map(CollectId::of).sinkTo(new DiscardingSink<>());
        return env.executeAsync("resilience: " + faultName);
    }

    /** Runs to the end and returns the alert ids. */
    static Set<String> run(
            List<Path> inputs,
            OwnershipTable table,
            MapFunction<RawRecord, RawRecord> rawFault,
            MapFunction<Alert, Alert> alertFault,
            String faultName)
            throws Exception {
        start(inputs, table, rawFault, alertFault, faultName).getJobExecutionResult().get();
        return Set.copyOf(IDS);
    }

    /** Records the alert's id where the test can see it. */
    static final class CollectId {
        static String of(Alert a) {
            IDS.add(a.alertId);
            return a.alertId;
        }
    }
}
