package io.trailwatch.ingest.kinesis;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.cli.RunJob;
import io.trailwatch.config.RunSettings;
import io.trailwatch.config.SettingsException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * Runs {@code trailwatch run}'s graph on the test MiniCluster against the emulator, configured
 * through runtime property groups exactly as the service hands them over.
 */
final class StreamingJob implements AutoCloseable {
    final RunSettings settings;
    final Path checkpoints;
    private final JobClient client;
    private final String restBase;

    private StreamingJob(
            RunSettings settings, Path checkpoints, JobClient client, String restBase) {
        this.settings = settings;
        this.checkpoints = checkpoints;
        this.client = client;
        this.restBase = restBase;
    }

    /** Property groups for a test job; callers add or override entries. */
    static Map<String, Properties> groups(
            KinesisEmulator kinesis, Path table, Path checkpoints, String... streams) {
        Map<String, Properties> g = new TreeMap<>();
        put(g, RunSettings.REGION.name(), KinesisEmulator.REGION);
        put(g, RunSettings.ENDPOINT.name(), kinesis.endpoint);
        put(g, RunSettings.CLOUDTRAIL_STREAM.name(), streams[0]);
        put(g, RunSettings.FLOW_STREAM.name(), streams[1]);
        put(g, RunSettings.ALERTS_STREAM.name(), streams[2]);
        put(g, RunSettings.DEAD_LETTERS_STREAM.name(), streams[3]);
        put(g, RunSettings.INITIAL_POSITION.name(), "TRIM_HORIZON");
        put(g, RunSettings.POLL_INTERVAL.name(), "200ms");
        put(g, RunSettings.TABLE_LOCATION.name(), table.toString());
        put(g, RunSettings.RELOAD_INTERVAL.name(), "1s");
        put(g, RunSettings.LATENESS.name(), "10s");
        // Event time waits for each kind with a stream until it comes or goes idle: long enough
        // for a consumer to start on a busy machine, short enough for the empty-shard case.
        put(g, RunSettings.IDLENESS.name(), "20s");
        put(g, RunSettings.UNOWNED_WINDOW.name(), "1m");
        // One TW-OWN-01 alert a minute is what these tests count: they must not fold as repeats.
        put(g, RunSettings.DEDUP_WINDOW.name(), "0");
        put(g, RunSettings.CHECKPOINT_INTERVAL.name(), "500ms");
        put(g, RunSettings.CHECKPOINT_DIR.name(), checkpoints.toUri().toString());
        put(g, RunSettings.STATE_BACKEND.name(), "rocksdb");
        return g;
    }

    static void put(Map<String, Properties> groups, String name, String value) {
        int dot = name.indexOf('.');
        groups.computeIfAbsent(name.substring(0, dot), k -> new Properties())
                .setProperty(name.substring(dot + 1), value);
    }

    /** Starts the job; {@code restoreFrom} is a retained checkpoint, or {@code null}. */
    static StreamingJob start(
            MiniClusterExtension cluster,
            Map<String, Properties> groups,
            Path checkpoints,
            Path restoreFrom)
            throws Exception {
        return start(cluster, groups, checkpoints, restoreFrom, 2);
    }

    static StreamingJob start(
            MiniClusterExtension cluster,
            Map<String, Properties> groups,
            Path checkpoints,
            Path restoreFrom,
            int parallelism)
            throws Exception {
        RunSettings settings;
        try {
            settings = RunSettings.from(groups);
        } catch (SettingsException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        Configuration conf = RunJob.localConfiguration(settings);
        if (restoreFrom != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        RunJob.buildGraph(env, settings, RunJob.readInitialTable(settings));
        JobClient client = env.executeAsync("trailwatch streaming test");
        Configuration clientConf = cluster.getClientConfiguration();
        String rest =
                clientConf.getOptional(RestOptions.PORT).isPresent()
                        ? "http://127.0.0.1:" + clientConf.get(RestOptions.PORT)
                        : null;
        return new StreamingJob(settings, checkpoints, client, rest);
    }

    /** Waits until {@code condition} holds, failing if the job dies or the time runs out. */
    void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            JobStatus status = client.getJobStatus().get(10, TimeUnit.SECONDS);
            if (status.isGloballyTerminalState()) {
                client.getJobExecutionResult().get(10, TimeUnit.SECONDS);
                fail("the job ended (" + status + ") before " + what);
            }
            if (System.nanoTime() > deadline) {
                fail(
                        "timed out after "
                                + timeout.toSeconds()
                                + " s waiting for "
                                + what
                                + "; input watermarks now:\n"
                                + watermarks()
                                + "last failure (the job restarts quietly): "
                                + lastFailure());
            }
            Thread.sleep(250);
        }
    }

    /** Each operator's current input watermark, from the cluster's REST API: why nothing fired. */
    String watermarks() {
        if (restBase == null) {
            return "(no REST address)";
        }
        StringBuilder out = new StringBuilder();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String job = restBase + "/jobs/" + client.getJobID().toHexString();
            JsonNode vertices = get(http, job).get("vertices");
            for (JsonNode v : vertices) {
                JsonNode marks =
                        get(http, job + "/vertices/" + v.get("id").asText() + "/watermarks");
                out.append("  ").append(v.get("name").asText()).append(": ");
                for (JsonNode m : marks) {
                    out.append(m.get("id").asText())
                            .append('=')
                            .append(m.get("value").asText())
                            .append(' ');
                }
                out.append('\n');
            }
        } catch (Exception e) {
            out.append("(cannot read them: ").append(e).append(')');
        }
        return out.toString();
    }

    /** The root exception of the job's latest failure and restart, if any. */
    String lastFailure() {
        if (restBase == null) {
            return "(no REST address)";
        }
        try {
            JsonNode exceptions =
                    get(
                            HttpClient.newHttpClient(),
                            restBase + "/jobs/" + client.getJobID().toHexString() + "/exceptions");
            JsonNode root = exceptions.path("root-exception");
            return root.isMissingNode() || root.isNull() ? "none" : root.asText();
        } catch (Exception e) {
            return "(cannot read it: " + e + ")";
        }
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    /** Number of the newest completed checkpoint of this job (0 when none yet). */
    long latestCheckpoint() throws IOException {
        return latestCheckpointDir().map(StreamingJob::number).orElse(0L);
    }

    Optional<Path> latestCheckpointDir() throws IOException {
        Path jobDir = checkpoints.resolve(client.getJobID().toHexString());
        if (!Files.isDirectory(jobDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jobDir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
                    .filter(d -> Files.exists(d.resolve("_metadata")))
                    .max((a, b) -> Long.compare(number(a), number(b)));
        }
    }

    private static long number(Path chk) {
        return Long.parseLong(chk.getFileName().toString().substring("chk-".length()));
    }

    /** Stop with a savepoint (the upgrade path): returns where it was written. */
    Path stopWithSavepoint(Path dir) throws Exception {
        String path =
                client.stopWithSavepoint(
                                false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get(2, TimeUnit.MINUTES);
        return Path.of(URI.create(path));
    }

    void cancel() throws Exception {
        client.cancel().get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!client.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
            if (System.nanoTime() > deadline) {
                fail("the job did not stop within 60 s of cancelling");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (!client.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
                cancel();
            }
        } catch (Exception e) {
            // The job is gone already; nothing to stop.
        }
    }
}
