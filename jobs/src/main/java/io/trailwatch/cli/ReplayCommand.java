package io.trailwatch.cli;

import io.trailwatch.config.ConfigException;
import io.trailwatch.config.DedupSettings;
import io.trailwatch.config.DeliveryProperties;
import io.trailwatch.config.DeliverySettings;
import io.trailwatch.config.Durations;
import io.trailwatch.config.PipelineSettings;
import io.trailwatch.config.RuleSettings;
import io.trailwatch.config.SuppressionFileParser;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.sigma.RuleFileReader;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import io.trailwatch.detect.windowed.InstanceCredentialsRule;
import io.trailwatch.ingest.FlowLogFormat;
import io.trailwatch.ingest.paths.DeclaredFlowFormats;
import io.trailwatch.ingest.paths.FlowFormatFile;
import io.trailwatch.ingest.paths.FlowFormatFileException;
import io.trailwatch.ingest.paths.SkippedPath;
import io.trailwatch.model.AwsRanges;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.Severity;
import io.trailwatch.ownership.AwsRangesException;
import io.trailwatch.ownership.AwsRangesParser;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
import io.trailwatch.ownership.TrustedCidrLimit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
            "Alerts are written as JSON lines; a summary goes to standard error.",
            "With --slack-webhook or --sns-topic they are also delivered there, as in production."
        })
public final class ReplayCommand implements Callable<Integer> {
    @Option(
            names = "--ownership",
            paramLabel = "FILE",
            description =
                    "Ownership table (CSV: match,team,environment,contact,trusted_cidrs; see the README).")
    Path ownership;

    @Option(
            names = "--aws-ranges",
            paramLabel = "FILE",
            description = {
                "AWS's published IP address ranges (ip-ranges.json, as AWS publishes it): instance"
                        + " credentials used from an address inside AWS are then TW-CRED-02, not"
                        + " TW-CRED-01.",
                "Without it every public address counts as outside AWS."
            })
    Path awsRanges;

    @Option(
            names = "--trusted-cidrs-min-prefix",
            paramLabel = "/IPV4,/IPV6",
            defaultValue = "/8,/16",
            description =
                    "The broadest trusted_cidrs range an ownership-table row may name, for IPv4 and"
                            + " IPv6; a broader one is refused unless its row says allow_broad_trust"
                            + " (default: ${DEFAULT-VALUE}; /0,/0 allows any).")
    String trustedCidrsMinPrefix;

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
            names = "--state-backend",
            paramLabel = "heap|rocksdb",
            defaultValue = "heap",
            description =
                    "Where detector state lives: the JVM heap or RocksDB on local disk (default: ${DEFAULT-VALUE}).")
    String stateBackend;

    @Option(
            names = "--lateness",
            paramLabel = "DURATION",
            defaultValue = "PT15M",
            converter = DurationConverter.class,
            description = "Allowed event-time lateness, e.g. 15m, 2h, PT30M (default: 15m).")
    Duration lateness;

    @Option(
            names = "--event-time-horizon",
            paramLabel = "DURATION",
            defaultValue = "P1D",
            converter = DurationConverter.class,
            description =
                    "How far past the wall clock a record's event time may be; later (and pre-2000)"
                            + " records are dead letters (event-time-out-of-range), e.g. 1d, 6h"
                            + " (default: 1d).")
    Duration eventTimeHorizon;

    @Option(
            names = "--flow-format",
            paramLabel = "FIELDS",
            description = {
                "Field names of flow log lines that come without a header line, as CloudWatch Logs"
                        + " delivers them: the flow log's format, e.g. 'version account-id"
                        + " interface-id srcaddr dstaddr ...' or, as AWS writes it, '$${version}"
                        + " $${account-id} ...'.",
                "A "
                        + FlowFormatFile.NAME
                        + " file of one such line declares it for the files in its directory and"
                        + " below, the nearest winning over this; a file's own header line wins"
                        + " over both. Without either, the formats AWS writes whole are recognised"
                        + " by their field count."
            })
    String flowFormat;

    @Option(
            names = "--rules",
            paramLabel = "PATH",
            description = {
                "Sigma rule files to run besides the built-in rules (repeatable): a file, or a directory searched",
                "recursively for .yml and .yaml files. A file or rule that cannot be used is reported and left out."
            })
    List<Path> rulePaths = new ArrayList<>();

    /** The built-in rules and those of the rule files, once {@link #prepare} has read them. */
    private RuleRegistry registry = RuleRegistry.builtIn();

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
    List<String> ruleSettingAssignments = new ArrayList<>();

    @Option(
            names = "--suppressions",
            paramLabel = "FILE",
            description =
                    "Known-good activity not to alert on (CSV: rule_id,account,principal,resource,reason,expires).")
    Path suppressions;

    @Option(
            names = "--dedup-window",
            paramLabel = "DURATION|RULE=DURATION",
            description = {
                "Repeats of an alert (same rule, owner team and resource) within this window of event"
                        + " time fold into one follow-up (default: 60m; 0 turns it off).",
                "RULE=DURATION sets one rule's window, e.g. TW-OWN-01=0. Repeatable."
            })
    List<String> dedupWindows = new ArrayList<>();

    @Option(
            names = "--slack-webhook",
            paramLabel = "URL",
            description = {
                "Also post every alert to this Slack incoming webhook (it stands in for every owner's channel).",
                "secretsmanager:<secret id or ARN> reads the URL from AWS Secrets Manager instead."
            })
    String slackWebhook;

    @Option(
            names = "--sns-topic",
            paramLabel = "ARN",
            description = "Also publish every alert to this SNS topic.")
    String snsTopic;

    @Option(
            names = "--sns-format",
            paramLabel = "json|chatbot",
            defaultValue = "json",
            description =
                    "SNS message body: the alert JSON, or an AWS Chatbot custom notification (default: ${DEFAULT-VALUE}).")
    String snsFormat;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "A local SNS endpoint (an emulator) instead of AWS.")
    String endpointUrl;

    @Option(
            names = "--undelivered",
            paramLabel = "FILE",
            description =
                    "Alerts that could not be delivered, JSON lines with the error (default: the first 20 on standard error).")
    Path undelivered;

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
        TemporaryDirectory temporary;
        try {
            temporary = TemporaryDirectory.create("trailwatch-replay-");
        } catch (IOException e) {
            err.println("trailwatch: cannot create a temporary directory: " + rootMessage(e));
            return TrailwatchCli.EXIT_JOB_FAILED;
        }
        try (temporary) {
            ReplaySummary summary = job.run(err, temporary.path());
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
        if (!stateBackend.equals("heap") && !stateBackend.equals("rocksdb")) {
            throw new UsageException(
                    "--state-backend must be heap or rocksdb, got " + stateBackend);
        }
        if (lateness.isNegative()) {
            throw new UsageException("--lateness must not be negative");
        }
        if (eventTimeHorizon.isNegative()) {
            throw new UsageException("--event-time-horizon must not be negative");
        }
        InputFiles inputs = InputFiles.of(paths);
        List<String> notes = new ArrayList<>();
        DeclaredFlowFormats flowFormats = declaredFlowFormats(inputs, notes);
        TrustedCidrLimit trust;
        try {
            trust = TrustedCidrLimit.parse(trustedCidrsMinPrefix);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--trusted-cidrs-min-prefix " + e.getMessage());
        }
        OwnershipTable table = OwnershipTable.empty();
        if (ownership != null) {
            if (!Files.isReadable(ownership)) {
                throw new UsageException(
                        "cannot read ownership table " + ownership + ": no such readable file");
            }
            try {
                table = OwnershipTableParser.parse(ownership, trust);
            } catch (OwnershipTableException e) {
                throw new UsageException(e.getMessage());
            }
        }
        AwsRanges ranges = null;
        if (awsRanges != null) {
            if (!Files.isReadable(awsRanges)) {
                throw new UsageException(
                        "cannot read AWS ranges " + awsRanges + ": no such readable file");
            }
            try {
                ranges = AwsRangesParser.parse(awsRanges);
            } catch (AwsRangesException e) {
                throw new UsageException("--aws-ranges " + e.getMessage());
            }
        }
        for (Path output : new Path[] {out, deadLetters, undelivered}) {
            if (output != null) {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    throw new UsageException(
                            "cannot write " + output + ": directory " + parent + " does not exist");
                }
            }
        }
        RuleFileReader.Result ruleFiles = RuleFileReader.read(rulePaths);
        SigmaRuleSet ruleSet = SigmaRuleSet.compile(ruleFiles.files(), RuleRegistry.builtIn());
        registry = ruleSet.registry();
        PipelineSettings settings = PipelineSettings.forReplay();
        settings.allowedLateness = lateness;
        settings.decodeLimits.eventTimeHorizon = eventTimeHorizon;
        settings.rules = ruleSettings();
        settings.rules.files = ruleFiles.files();
        try {
            for (String assignment : ruleSettingAssignments) {
                settings.rules.tuning.set(assignment);
            }
            registry.settings(settings.rules.tuning);
        } catch (ConfigException e) {
            throw new UsageException("--rule-setting " + e.getMessage());
        }
        settings.deduplication = dedupSettings();
        DeliverySettings delivery = deliverySettings();
        // Only now that the replay will run: one that will not says one line, its reason.
        for (SkippedPath skipped : inputs.skipped()) {
            err.println("trailwatch: skipping " + skipped);
        }
        for (String note : notes) {
            err.println("trailwatch: " + note);
        }
        if (!rulePaths.isEmpty()) {
            RuleSetReport.print(ruleFiles.problems(), ruleSet, err);
        }
        if (ownership == null) {
            err.println("trailwatch: no --ownership table given: every account counts as unowned");
        }
        if (ranges == null && settings.rules.isEnabled(InstanceCredentialsRule.INFO.id())) {
            err.println(
                    "trailwatch: no --aws-ranges file given: "
                            + InstanceCredentialsRule.INFO.id()
                            + " counts every public address as outside AWS (AWS publishes its ranges at"
                            + " https://ip-ranges.amazonaws.com/ip-ranges.json)");
        }
        return new ReplayJob(
                settings,
                inputs,
                flowFormats,
                table,
                ranges,
                out,
                deadLetters,
                parallelism,
                stateBackend.equals("heap") ? "hashmap" : "rocksdb",
                delivery,
                undelivered);
    }

    /**
     * The formats declared for flow lines without a header: {@code --flow-format} and the {@code
     * .flow-format} files, each checked; a field name Trailwatch does not know is noted, since in a
     * format written by hand it is most likely a misspelling, whose column would be left out.
     */
    private DeclaredFlowFormats declaredFlowFormats(InputFiles inputs, List<String> notes)
            throws UsageException {
        if (flowFormat != null) {
            String problem = FlowLogFormat.declaredFormatProblem(flowFormat);
            if (problem != null) {
                throw new UsageException("--flow-format: " + problem);
            }
            noteUnknownFields("--flow-format", flowFormat, notes);
        }
        DeclaredFlowFormats formats;
        try {
            formats = DeclaredFlowFormats.of(flowFormat, inputs.flowFormatFiles());
        } catch (FlowFormatFileException e) {
            throw new UsageException(e.getMessage());
        }
        for (Path file : inputs.flowFormatFiles()) {
            // a file's own directory is the nearest: this is the format the file declares
            noteUnknownFields("flow format file " + file, formats.forFile(file), notes);
        }
        return formats;
    }

    private static void noteUnknownFields(String where, String fields, List<String> notes) {
        for (String unknown : FlowLogFormat.parseHeader(fields).unknownFields()) {
            notes.add(
                    where
                            + ": '"
                            + unknown
                            + "' is not a flow log field Trailwatch knows; its column is left out");
        }
    }

    private DedupSettings dedupSettings() throws UsageException {
        DedupSettings dedup = DedupSettings.defaults();
        for (String w : dedupWindows) {
            int eq = w.indexOf('=');
            try {
                if (eq < 0) {
                    dedup.withDefaultWindow(Durations.parse(w));
                } else {
                    String rule = w.substring(0, eq).trim();
                    if (registry.idOf(rule) == null) {
                        throw new IllegalArgumentException(
                                "'" + rule + "' is not a rule id (see trailwatch rules)");
                    }
                    rule = registry.idOf(rule);
                    dedup.withRuleWindow(rule, Durations.parse(w.substring(eq + 1)));
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("--dedup-window: " + e.getMessage());
            }
        }
        return dedup;
    }

    /**
     * Replay delivers to the channels given, each standing in for every owner's: the webhook for
     * every Slack channel, the topic for every SNS topic and e-mail address; both are the default
     * destinations. The flags are read as the streaming job's Delivery group, by the same reader,
     * so both check a value the same way.
     */
    private DeliverySettings deliverySettings() throws UsageException {
        if (endpointUrl != null && snsTopic == null) {
            throw new UsageException("--endpoint-url needs --sns-topic");
        }
        Map<String, String> group = new TreeMap<>();
        Map<String, String> flags = new TreeMap<>();
        given(
                group,
                flags,
                DeliveryProperties.SLACK_DEFAULT_WEBHOOK,
                "--slack-webhook",
                slackWebhook);
        if (snsTopic != null) {
            given(group, flags, DeliveryProperties.SNS_TOPIC, "--sns-topic", snsTopic);
            given(group, flags, DeliveryProperties.SNS_FORMAT, "--sns-format", snsFormat);
            given(group, flags, DeliveryProperties.SNS_ENDPOINT, "--endpoint-url", endpointUrl);
        }
        List<String> problems = new ArrayList<>();
        DeliverySettings delivery =
                DeliveryProperties.read(
                        group, (key, what) -> problems.add(flags.get(key) + ": " + what));
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
        if (delivery.sns != null) {
            delivery.sns.everythingToDefaultTopic = true;
        }
        return delivery;
    }

    private static void given(
            Map<String, String> group,
            Map<String, String> flags,
            String key,
            String flag,
            String value) {
        if (value != null) {
            group.put(key, value);
            flags.put(key, flag);
        }
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
                rules.suppressions = SuppressionFileParser.parse(suppressions, registry::contains);
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return rules;
    }

    private String knownRule(String id, String option) throws UsageException {
        String rule = registry.idOf(id.trim());
        if (rule == null) {
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
