package io.trailwatch.cli;

import io.trailwatch.config.PipelineSettings;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trailwatch replay}: the production pipeline over log files, on the local embedded Flink.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replays CloudTrail and VPC flow log files through the detection pipeline on a local embedded Flink.",
            "Files and directories (searched recursively); each file's kind is decided from its content.",
            "Alerts are written as JSON lines; a summary goes to standard error."
        })
public final class ReplayCommand implements Callable<Integer> {
    @Option(
            names = "--ownership",
            paramLabel = "FILE",
            description = "Ownership table (CSV, DESIGN.md §5).")
    Path ownership;

    @Option(
            names = "--out",
            paramLabel = "ALERTS.jsonl",
            description = "Alert output (default: standard output).")
    Path out;

    @Option(
            names = "--dead-letters",
            paramLabel = "FILE",
            description =
                    "Dead-letter output, JSON lines (default: the first 20 on standard error).")
    Path deadLetters;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            defaultValue = "1",
            description = "Parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--lateness",
            paramLabel = "DURATION",
            defaultValue = "PT15M",
            converter = DurationConverter.class,
            description = "Allowed event-time lateness, e.g. 15m, 2h, PT30M (default: 15m).")
    Duration lateness;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files or directories.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        ReplayJob job;
        try {
            job = prepare(err);
        } catch (UsageException e) {
            err.println("trailwatch: " + e.getMessage());
            return TrailwatchCli.EXIT_USAGE;
        }
        try {
            ReplaySummary summary = job.run(err);
            summary.print(err);
            return 0;
        } catch (Exception e) {
            err.println("trailwatch: the replay job failed: " + rootMessage(e));
            return TrailwatchCli.EXIT_JOB_FAILED;
        }
    }

    private ReplayJob prepare(PrintStream err) throws UsageException {
        if (parallelism < 1) {
            throw new UsageException("--parallelism must be at least 1, got " + parallelism);
        }
        if (lateness.isNegative()) {
            throw new UsageException("--lateness must not be negative");
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UsageException("cannot read " + p + ": no such file or directory");
            }
            if (!Files.isReadable(p)) {
                throw new UsageException("cannot read " + p + ": permission denied");
            }
        }
        InputFiles inputs = InputFiles.of(paths);
        if (inputs.count() == 0) {
            throw new UsageException("no log files found in " + paths);
        }
        OwnershipTable table = OwnershipTable.empty();
        if (ownership != null) {
            if (!Files.isReadable(ownership)) {
                throw new UsageException(
                        "cannot read ownership table " + ownership + ": no such readable file");
            }
            try {
                table = OwnershipTableParser.parse(ownership);
            } catch (OwnershipTableException e) {
                throw new UsageException(e.getMessage());
            }
        } else {
            err.println("trailwatch: no --ownership table given: every account counts as unowned");
        }
        for (Path output : new Path[] {out, deadLetters}) {
            if (output != null) {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    throw new UsageException(
                            "cannot write " + output + ": directory " + parent + " does not exist");
                }
            }
        }
        PipelineSettings settings = PipelineSettings.forReplay();
        settings.allowedLateness = lateness;
        return new ReplayJob(settings, inputs, table, out, deadLetters, parallelism);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
