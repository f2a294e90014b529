package io.trailwatch.cli;

import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.DeadLetterJson;
import io.trailwatch.alert.delivery.DeliveryFailureJson;
import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.sink.LineSink;
import io.trailwatch.config.DeliverySettings;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.ingest.file.ReplayFileSource;
import io.trailwatch.ingest.paths.DeclaredFlowFormats;
import io.trailwatch.metrics.Counters;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AwsRanges;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.pipeline.AlertDeliveryStage;
import io.trailwatch.pipeline.TrailwatchPipeline;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs a replay: file sources, the shared pipeline, line sinks, on the local embedded Flink. */
public final class ReplayJob {
    private static final long PROGRESS_AFTER_MILLIS = 3000;
    private static final long DEAD_LETTERS_SHOWN = 20;

    private final PipelineSettings settings;
    private final InputFiles inputs;
    private final DeclaredFlowFormats flowFormats;
    private final OwnershipTable table;
    private final AwsRanges ranges;
    private final Path out;
    private final Path deadLetters;
    private final int parallelism;
    private final String stateBackend;
    private final DeliverySettings delivery;
    private final Path undelivered;

    ReplayJob(
            PipelineSettings settings,
            InputFiles inputs,
            DeclaredFlowFormats flowFormats,
            OwnershipTable table,
            AwsRanges ranges,
            Path out,
            Path deadLetters,
            int parallelism,
            String stateBackend,
            DeliverySettings delivery,
            Path undelivered) {
        this.settings = settings;
        this.inputs = inputs;
        this.flowFormats = flowFormats;
        this.table = table;
        this.ranges = ranges;
        this.out = out;
        this.deadLetters = deadLetters;
        this.parallelism = parallelism;
        this.stateBackend = stateBackend;
        this.delivery = delivery;
        this.undelivered = undelivered;
    }

    /** Builds the replay graph on the given environment (tests use a MiniCluster environment). */
    public static void buildGraph(
            StreamExecutionEnvironment env,
            PipelineSettings settings,
            java.util.List<Path> inputs,
            OwnershipTable table,
            LineSink<Alert> alertSink,
            LineSink<DeadLetter> deadLetterSink) {
        buildGraph(env, settings, inputs, table, alertSink, deadLetterSink, null, null);
    }

    /**
     * The replay graph, with alerts also delivered to SNS and Slack when {@code delivery} enables
     * them; alerts that cannot be delivered go to {@code undelivered}.
     */
    public static void buildGraph(
            StreamExecutionEnvironment env,
            PipelineSettings settings,
            java.util.List<Path> inputs,
            OwnershipTable table,
            LineSink<Alert> alertSink,
            LineSink<DeadLetter> deadLetterSink,
            DeliverySettings delivery,
            DeliveryFailureOutput undelivered) {
        buildGraph(
                env,
                settings,
                inputs,
                DeclaredFlowFormats.NONE,
                table,
                null,
                alertSink,
                deadLetterSink,
                delivery,
                undelivered);
    }

    /**
     * The replay graph, with flow lines without a header read in the formats declared for them,
     * AWS's published ranges ({@code null}: none, every public address counts as outside AWS; a
     * replay reads them once, so they are the analysis' initial ranges and nothing polls them), and
     * alerts also delivered to SNS and Slack when {@code delivery} enables them; alerts that cannot
     * be delivered go to {@code undelivered}.
     */
    public static void buildGraph(
            StreamExecutionEnvironment env,
            PipelineSettings settings,
            java.util.List<Path> inputs,
            DeclaredFlowFormats flowFormats,
            OwnershipTable table,
            AwsRanges ranges,
            LineSink<Alert> alertSink,
            LineSink<DeadLetter> deadLetterSink,
            DeliverySettings delivery,
            DeliveryFailureOutput undelivered) {
        DataStream<io.trailwatch.model.RawRecord> raw =
                env.fromSource(
                                ReplayFileSource.of(inputs, settings.decodeLimits, flowFormats),
                                WatermarkStrategy.noWatermarks(),
                                "Log files")
                        .uid("replay-files");
        DataStream<OwnershipTable> tableUpdates =
                env.fromData(table).name("Ownership table").uid("ownership-table");
        TrailwatchPipeline.Streams streams =
                new TrailwatchPipeline(settings).build(raw, tableUpdates, table, null, ranges);
        streams.alerts.sinkTo(alertSink).setParallelism(1).name("Alerts").uid("alert-sink");
        streams.deadLetters
                .sinkTo(deadLetterSink)
                .setParallelism(1)
                .name("Dead letters")
                .uid("dead-letter-sink");
        if (delivery != null && delivery.enabled()) {
            AlertDeliveryStage.attach(streams.alerts, delivery, undelivered);
        }
    }

    /**
     * @param temporary where the embedded cluster writes its temporary files, removed by the caller
     */
    ReplaySummary run(PrintStream progress, Path temporary) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.TMP_DIRS, temporary.toString());
        conf.set(WebOptions.TMP_DIR, temporary.toString());
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestOptions.BIND_PORT, "0");
        // Running totals reach the client with each heartbeat: beat often enough for a live
        // progress line.
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        // "hashmap" keeps state on the heap; "rocksdb" on local disk, as large deployments run.
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        // RocksDB's write buffers and block cache come out of managed memory, shared by every
        // stateful operator; the embedded cluster's default (128 MB) leaves each detector too
        // little, and RocksDB then flushes its memtables all the time.
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(1024));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);

        LineSink<Alert> alertSink =
                out == null
                        ? LineSink.toStdout(AlertJson::toJson)
                        : LineSink.toFile(out, AlertJson::toJson);
        LineSink<DeadLetter> deadLetterSink =
                deadLetters == null
                        ? LineSink.toStderr(
                                DeadLetterJson::toText,
                                DEAD_LETTERS_SHOWN,
                                "trailwatch: further dead letters not shown; write them all with --dead-letters FILE")
                        : LineSink.toFile(deadLetters, DeadLetterJson::toJson);
        Path undeliveredFile = null;
        if (delivery.enabled()) {
            // Undeliverable alerts always go to a file; without --undelivered a temporary one,
            // shown on standard error once the replay is over.
            undeliveredFile =
                    undelivered != null ? undelivered : temporary.resolve("undelivered.jsonl");
            Files.write(undeliveredFile, new byte[0]);
        }
        buildGraph(
                env,
                settings,
                inputs.files(),
                flowFormats,
                table,
                ranges,
                alertSink,
                deadLetterSink,
                delivery,
                undeliveredFile == null
                        ? null
                        : DeliveryFailureOutput.jsonLines(undeliveredFile.toString()));

        long start = System.nanoTime();
        JobClient client = env.executeAsync("trailwatch replay");
        SteadyRate steady = new SteadyRate();
        JobExecutionResult result = awaitWithProgress(client, progress, start, steady);
        steady.end();
        double seconds = (System.nanoTime() - start) / 1e9;
        long undeliveredCount = 0;
        if (undeliveredFile != null) {
            List<String> lines = Files.readAllLines(undeliveredFile);
            undeliveredCount = lines.size();
            if (undelivered == null) {
                showUndelivered(lines, progress);
                Files.deleteIfExists(undeliveredFile);
            }
        }
        return new ReplaySummary(
                inputs,
                result.getAllAccumulatorResults(),
                seconds,
                steady,
                out,
                deadLetters,
                delivery.enabled() ? undeliveredCount : -1,
                undelivered);
    }

    private static void showUndelivered(List<String> lines, PrintStream err) {
        for (String line : lines.subList(0, (int) Math.min(lines.size(), DEAD_LETTERS_SHOWN))) {
            try {
                err.println(
                        "trailwatch: "
                                + DeliveryFailureJson.toText(DeliveryFailureJson.fromJson(line)));
            } catch (IllegalArgumentException e) {
                err.println("trailwatch: " + line);
            }
        }
        if (lines.size() > DEAD_LETTERS_SHOWN) {
            err.println(
                    "trailwatch: further undeliverable alerts not shown; write them all with --undelivered FILE");
        }
    }

    static JobExecutionResult awaitWithProgress(
            JobClient client, PrintStream progress, long start, SteadyRate steady)
            throws Exception {
        var done = client.getJobExecutionResult();
        // On a terminal the progress line rewrites itself; into a file or pipe it is a line every
        // 10 s.
        boolean terminal = System.console() != null;
        long everyMillis = terminal ? 1000 : 10_000;
        long lastShown = 0;
        boolean shown = false;
        while (true) {
            try {
                JobExecutionResult result = done.get(1, TimeUnit.SECONDS);
                if (shown && terminal) {
                    progress.println();
                }
                return result;
            } catch (TimeoutException e) {
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                if (elapsed < PROGRESS_AFTER_MILLIS) {
                    continue;
                }
                Map<String, Object> acc;
                try {
                    acc = client.getAccumulators().get(5, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException | IllegalStateException notNow) {
                    // The job may have ended since the wait above and its embedded cluster shut
                    // down: the cluster says so in the future or, when it is already gone, by
                    // throwing at once. Progress is best effort; the job's own result tells how it
                    // ended.
                    continue;
                }
                long records = ReplaySummary.recordsRead(acc);
                steady.sample((System.nanoTime() - start) / 1e9, records);
                if (records == 0 || elapsed - lastShown < everyMillis) {
                    continue;
                }
                progress.printf(
                        "%strailwatch: %,d records read, %,d dead letters, %,.0f records/s%s",
                        terminal ? "\r" : "",
                        records,
                        ReplaySummary.longValue(acc, Counters.DEAD_LETTERS),
                        records / (elapsed / 1000.0),
                        terminal ? " " : "\n");
                progress.flush();
                lastShown = elapsed;
                shown = true;
            }
        }
    }
}
