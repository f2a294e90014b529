package io.trailwatch.cli;

import io.trailwatch.config.ConfigException;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.config.RuleSettings;
import io.trailwatch.config.SuppressionFileParser;
import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.Severity;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(
            names = "--disable-rule",
            paramLabel = "RULE",
            description = "Do not run this rule (repeatable), e.g. TW-NET-04.")
    List<String> disabledRules = new ArrayList<>();

    @Option(
            names = "--severity",
            paramLabel = "RULE=LEVEL",
            description = "Override a rule's severity (repeatable), e.g. TW-IAM-03=MEDIUM.")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(
            names = "--rule-setting",
            paramLabel = "RULE.NAME=VALUE",
            description =
                    "Window, threshold or lateness of a windowed rule (repeatable), e.g."
                            + " TW-AUTH-01.failures=10, TW-EXFIL-02.window=15m, TW-CRED-01.lateness=30m.")
    List<String> ruleSettings = new ArrayList<>();

    @Option(
            names = "--suppressions",
            paramLabel = "FILE",
            description =
                    "Known-good activity not to alert on (CSV: rule_id,account,principal,resource,reason,expires).")
    Path suppressions;

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
        settings.rules = ruleSettings();
        DurationConverter durations = new DurationConverter();
        for (String assignment : ruleSettings) {
            try {
                settings.patterns.set(assignment, durations::convert);
            } catch (ConfigException e) {
                throw new UsageException("--rule-setting " + e.getMessage());
            }
        }
        if (ownership == null) {
            err.println("trailwatch: no --ownership table given: every account counts as unowned");
        }
        return new ReplayJob(settings, inputs, table, out, deadLetters, parallelism);
    }

    private RuleSettings ruleSettings() throws UsageException {
        RuleSettings rules = new RuleSettings();
        for (String id : disabledRules) {
            rules.disabled.add(knownRule(id, "--disable-rule"));
        }
        for (Map.Entry<String, String> e : severities.entrySet()) {
            String id = knownRule(e.getKey(), "--severity");
            try {
                rules.severityOverrides.put(
                        id, Severity.valueOf(e.getValue().trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ex) {
                throw new UsageException(
                        "--severity "
                                + id
                                + "="
                                + e.getValue()
                                + ": the level must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO");
            }
        }
        if (suppressions != null) {
            if (!Files.isReadable(suppressions)) {
                throw new UsageException(
                        "cannot read suppression file " + suppressions + ": no such readable file");
            }
            try {
                rules.suppressions = SuppressionFileParser.parse(suppressions);
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return rules;
    }

    private static String knownRule(String id, String option) throws UsageException {
        String rule = id.trim().toUpperCase(Locale.ROOT);
        if (RuleCatalog.byId(rule) == null) {
            throw new UsageException(option + " " + id + ": no such rule (see trailwatch rules)");
        }
        return rule;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
