package io.trailwatch.cli;

import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.DeadLetterJson;
import io.trailwatch.alert.sink.KinesisJsonSink;
import io.trailwatch.alert.sink.LogSink;
import io.trailwatch.config.RunSettings;
import io.trailwatch.config.SettingsException;
import io.trailwatch.ingest.kinesis.KinesisSources;
import io.trailwatch.model.Alert;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
import io.trailwatch.ownership.source.OwnershipTableSource;
import io.trailwatch.ownership.source.TableLocation;
import io.trailwatch.ownership.source.TableLocations;
import io.trailwatch.pipeline.TrailwatchPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The streaming job ({@code trailwatch run}, and the jar started without arguments on Managed
 * Service for Apache Flink): Kinesis sources, the ownership table re-read by a source, the shared
 * pipeline, and the alert and dead-letter outputs.
 */
public final class RunJob {
    /** Logger that carries one line per alert when {@code Output.alerts.log} is on. */
    public static final String ALERTS_LOGGER = "io.trailwatch.alerts";

    public static final String DEAD_LETTERS_LOGGER = "io.trailwatch.deadletters";

    private RunJob() {}

    /**
     * Builds the streaming graph on {@code env}.
     *
     * @param initialTable the table read at start ({@link #readInitialTable}); in force until the
     *     table source publishes, unless restored state holds one
     */
    public static void buildGraph(
            StreamExecutionEnvironment env, RunSettings settings, OwnershipTable initialTable) {
        DataStream<RawRecord> raw = null;
        if (settings.cloudTrailStream != null) {
            raw =
                    KinesisSources.stream(
                            env, settings, settings.cloudTrailStream, "kinesis-cloudtrail");
        }
        if (settings.flowStream != null) {
            DataStream<RawRecord> flows =
                    KinesisSources.stream(env, settings, settings.flowStream, "kinesis-flow");
            raw = raw == null ? flows : raw.union(flows);
        }
        DataStream<OwnershipTable> tableUpdates = OwnershipTableSource.create(env, settings);
        TrailwatchPipeline.Streams streams =
                new TrailwatchPipeline(settings.pipeline).build(raw, tableUpdates, initialTable);
        attachAlertSinks(streams.alerts, settings);
        attachDeadLetterSinks(streams.deadLetters, settings);
    }

    /**
     * Where alerts go. The one place to point at another destination (SNS, Slack): the rest of the
     * job does not care.
     */
    static void attachAlertSinks(DataStream<Alert> alerts, RunSettings settings) {
        if (settings.alertsStream != null) {
            alerts.sinkTo(
                            KinesisJsonSink.create(
                                    settings.alertsStream,
                                    settings.region,
                                    settings.kinesisEndpoint,
                                    AlertJson::toJson,
                                    // An account's alerts stay in order on one shard.
                                    a -> a.account != null ? a.account : a.alertId))
                    .uid("alert-stream-sink")
                    .name("Alerts to Kinesis " + settings.alertsStream);
        }
        if (settings.alertsLog) {
            alerts.sinkTo(new LogSink<>(ALERTS_LOGGER, AlertJson::toJson))
                    .uid("alert-log-sink")
                    .name("Alerts to the log");
        }
    }

    static void attachDeadLetterSinks(DataStream<DeadLetter> deadLetters, RunSettings settings) {
        if (settings.deadLettersStream != null) {
            deadLetters
                    .sinkTo(
                            KinesisJsonSink.create(
                                    settings.deadLettersStream,
                                    settings.region,
                                    settings.kinesisEndpoint,
                                    DeadLetterJson::toJson,
                                    d -> Integer.toHexString(String.valueOf(d.origin).hashCode())))
                    .uid("dead-letter-stream-sink")
                    .name("Dead letters to Kinesis " + settings.deadLettersStream);
        }
        if (settings.deadLettersLog) {
            deadLetters
                    .sinkTo(new LogSink<>(DEAD_LETTERS_LOGGER, DeadLetterJson::toJson))
                    .uid("dead-letter-log-sink")
                    .name("Dead letters to the log");
        }
    }

    /**
     * Checkpointing and state backend for a run outside the service (which configures both from the
     * application's CheckpointConfiguration and always uses RocksDB): exactly-once checkpoints,
     * retained on cancel so that a stopped job can be started from its last one.
     */
    public static Configuration localConfiguration(RunSettings settings) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval);
        conf.set(
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        conf.set(
                CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS,
                minPause(settings.checkpointInterval));
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointDir);
        conf.set(StateBackendOptions.STATE_BACKEND, settings.stateBackend);
        conf.set(
                CheckpointingOptions.INCREMENTAL_CHECKPOINTS,
                settings.stateBackend.equals("rocksdb"));
        return conf;
    }

    private static Duration minPause(Duration interval) {
        return interval.dividedBy(2);
    }

    /**
     * Reads the table once before the job starts: a start without a valid table would report every
     * account as unowned, so it fails with the table's problem instead.
     */
    public static OwnershipTable readInitialTable(RunSettings settings) throws SettingsException {
        try (TableLocation location = TableLocations.open(settings)) {
            TableLocation.Fetched fetched = location.fetch(null);
            return OwnershipTableParser.parse(
                    new String(fetched.content, StandardCharsets.UTF_8), location.describe());
        } catch (IOException | RuntimeException e) {
            throw new SettingsException(
                    RunSettings.TABLE_LOCATION
                            + ": cannot read the ownership table: "
                            + e.getMessage());
        } catch (OwnershipTableException e) {
            throw new SettingsException(RunSettings.TABLE_LOCATION + ": " + e.getMessage());
        }
    }
}
