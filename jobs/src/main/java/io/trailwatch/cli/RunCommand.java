package io.trailwatch.cli;

import io.trailwatch.config.PropertyGroups;
import io.trailwatch.config.RunSettings;
import io.trailwatch.config.SettingsException;
import io.trailwatch.detect.windowed.InstanceCredentialsRule;
import io.trailwatch.model.AwsRanges;
import io.trailwatch.model.OwnershipTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trailwatch run}: the streaming job. With {@code --properties} it runs on a local embedded
 * Flink for development; without, it reads the runtime property groups of the Managed Service for
 * Apache Flink application it runs in.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the streaming job: CloudTrail and VPC flow logs from Kinesis, alerts to SNS, Slack, Kinesis and/or the log.",
            "Without --properties it reads the runtime property groups of the Managed Service for Apache Flink",
            "application (as the jar started without arguments does). Settings: see the README's table."
        })
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    static final String NO_RANGES =
            "no "
                    + RunSettings.AWS_RANGES_LOCATION
                    + ": "
                    + InstanceCredentialsRule.INFO.id()
                    + " counts every public address as outside AWS";

    @Option(
            names = "--properties",
            paramLabel = "FILE",
            description =
                    "Runtime property groups for a local run: the service's JSON shape"
                            + " ([{\"PropertyGroupId\": ..., \"PropertyMap\": {...}}]) or GROUP.key=value lines.")
    Path properties;

    @Option(
            names = "--from-snapshot",
            paramLabel = "PATH",
            description =
                    "Local runs: start from a retained checkpoint or savepoint directory (the upgrade path).")
    Path fromSnapshot;

    @Override
    public Integer call() throws Exception {
        if (properties == null) {
            runManaged();
            return 0;
        }
        RunSettings settings;
        OwnershipTable table;
        AwsRanges ranges;
        try {
            if (!Files.isReadable(properties)) {
                throw new SettingsException(
                        "cannot read properties file " + properties + ": no such readable file");
            }
            settings = RunSettings.from(PropertyGroups.fromFile(properties));
            table = RunJob.readInitialTable(settings);
            ranges = RunJob.readInitialAwsRanges(settings);
            if (fromSnapshot != null && !Files.isDirectory(fromSnapshot)) {
                throw new SettingsException(
                        "--from-snapshot "
                                + fromSnapshot
                                + " is not a checkpoint or savepoint directory");
            }
        } catch (SettingsException e) {
            System.err.println("trailwatch: " + e.getMessage());
            return TrailwatchCli.EXIT_USAGE;
        }
        if (settings.kinesisEndpoint != null && settings.kinesisEndpoint.startsWith("http://")) {
            // A plain-HTTP endpoint is a local emulator, which speaks Kinesis' JSON protocol only:
            // the SDK's default CBOR would reach it as unreadable data. (Local runs only: the whole
            // job shares this JVM.)
            System.setProperty("aws.cborEnabled", "false");
        }
        Configuration conf = RunJob.localConfiguration(settings);
        if (fromSnapshot != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, fromSnapshot.toUri().toString());
        }
        // the embedded cluster's files (its RPC jar, working directories, RocksDB) go when the run
        // ends, fails or is stopped; checkpoints stay where the settings put them
        try (TemporaryDirectory temporary = TemporaryDirectory.create("trailwatch-run-")) {
            conf.set(CoreOptions.TMP_DIRS, temporary.path().toString());
            conf.set(WebOptions.TMP_DIR, temporary.path().toString());
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(settings.parallelism, conf);
            RunJob.buildGraph(env, settings, table, ranges);
            if (ranges == null) {
                System.err.println("trailwatch: " + NO_RANGES);
            }
            System.err.printf(
                    "trailwatch: running; checkpoints in %s (start again from one with"
                            + " --from-snapshot); delivery: %s%n",
                    settings.checkpointDir, settings.delivery);
            env.execute("trailwatch");
        }
        return 0;
    }

    /**
     * On the service: the application's property groups, the service's checkpointing and state
     * backend. Problems are thrown (they end up in the application log and fail the start), never
     * {@code System.exit}: that would end the service's job manager.
     */
    static void runManaged() throws Exception {
        Map<String, Properties> groups = PropertyGroups.fromRuntime();
        RunSettings settings = RunSettings.from(groups);
        OwnershipTable table = RunJob.readInitialTable(settings);
        AwsRanges ranges = RunJob.readInitialAwsRanges(settings);
        if (ranges == null) {
            LOG.warn(NO_RANGES);
        }
        LOG.info(
                "Trailwatch starting: streams {} / {}, ownership table {} ({} rows), delivery: {}",
                settings.cloudTrailStream,
                settings.flowStream,
                settings.tableLocation,
                table.rows.length,
                settings.delivery);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RunJob.buildGraph(env, settings, table, ranges);
        env.execute("trailwatch");
    }
}
