package io.trailwatch.config;

import io.trailwatch.ingest.FlowLogFormat;
import io.trailwatch.ingest.kinesis.KinesisReadSettings;
import io.trailwatch.ownership.TrustedCidrLimit;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Settings of the streaming job ({@code trailwatch run}), read from runtime property groups and
 * validated up front: a missing or invalid value stops the start with a message naming the group
 * and key, never a failure hours later.
 *
 * <p>The groups and keys here are a contract with {@code deploy/trailwatch.yaml} (a test keeps the
 * two in step) and with the README's table.
 */
public class RunSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String INPUT = "Input";
    public static final String OWNERSHIP = "Ownership";
    public static final String AWS_RANGES = "AwsRanges";
    public static final String OUTPUT = "Output";
    public static final String DETECTION = "Detection";
    public static final String DELIVERY = "Delivery";
    public static final String JOB = "Job";

    private static final Map<String, Setting> ALL = new LinkedHashMap<>();

    public static final Setting REGION =
            define(INPUT, "region", null, "AWS region of the streams and the ownership bucket.");
    public static final Setting CLOUDTRAIL_STREAM =
            define(
                    INPUT,
                    "cloudtrail.stream",
                    null,
                    "Kinesis stream with CloudTrail (CloudWatch Logs subscription, EventBridge or raw records)."
                            + " At least one of the two streams is required.");
    public static final Setting FLOW_STREAM =
            define(
                    INPUT,
                    "flow.stream",
                    null,
                    "Kinesis stream with VPC flow logs (CloudWatch Logs subscription or raw lines).");
    public static final Setting INITIAL_POSITION =
            define(
                    INPUT,
                    "initial.position",
                    "LATEST",
                    "Where a first start reads from: LATEST, TRIM_HORIZON or AT_TIMESTAMP. A restart"
                            + " from a snapshot continues from the snapshot's positions instead.");
    public static final Setting INITIAL_TIMESTAMP =
            define(
                    INPUT,
                    "initial.timestamp",
                    null,
                    "ISO-8601 instant for AT_TIMESTAMP, e.g. 2026-10-01T00:00:00Z.");
    public static final Setting POLL_INTERVAL =
            define(
                    INPUT,
                    "poll.interval",
                    "1s",
                    "Pause between GetRecords calls per shard. Kinesis allows 5 reads per second per"
                            + " shard shared by all consumers: 1s leaves room for others.");
    public static final Setting POLL_MAX_RECORDS =
            define(INPUT, "poll.max-records", "10000", "Records per GetRecords call (1-10000).");
    public static final Setting FLOW_FORMAT =
            define(
                    INPUT,
                    "flow.format",
                    "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets"
                            + " bytes start end action log-status",
                    "Field names of flow log lines (they arrive without a header): the flow log's"
                            + " LogFormat.");
    public static final Setting ENDPOINT =
            define(
                    INPUT,
                    "endpoint",
                    null,
                    "Kinesis endpoint override, for a local emulator only (e.g. http://127.0.0.1:4567).");

    public static final Setting TABLE_LOCATION =
            define(
                    OWNERSHIP,
                    "table.location",
                    null,
                    "Ownership table CSV: s3://bucket/key or a local path.");
    public static final Setting RELOAD_INTERVAL =
            define(
                    OWNERSHIP,
                    "reload.interval",
                    "5m",
                    "How often the table is re-read; a changed, valid table takes effect without a"
                            + " restart, a broken one is rejected and logged.");
    public static final Setting S3_ENDPOINT =
            define(
                    OWNERSHIP,
                    "s3.endpoint",
                    null,
                    "S3 endpoint override (tests, S3-compatible stores).");
    public static final Setting TRUSTED_CIDRS_MIN_PREFIX =
            define(
                    OWNERSHIP,
                    "trusted-cidrs.min-prefix",
                    TrustedCidrLimit.DEFAULT.toString(),
                    "The broadest trusted_cidrs range a row may name, IPv4 then IPv6 (a broader"
                            + " one is refused unless its row says allow_broad_trust); /0,/0 allows"
                            + " any.");

    public static final Setting AWS_RANGES_LOCATION =
            define(
                    AWS_RANGES,
                    "location",
                    null,
                    "AWS's published IP address ranges (ip-ranges.json): https://ip-ranges.amazonaws.com/ip-ranges.json,"
                            + " s3://bucket/key or a local path. Unset: every public address counts as"
                            + " outside AWS (TW-CRED-01 as before, TW-CRED-02 silent).");
    public static final Setting AWS_RANGES_RELOAD_INTERVAL =
            define(
                    AWS_RANGES,
                    "reload.interval",
                    "1d",
                    "How often the ranges are read again; a new valid version takes effect without a"
                            + " restart, one that cannot be read or parsed is logged and the last good"
                            + " ranges stay in force.");

    public static final Setting ALERTS_STREAM =
            define(
                    OUTPUT,
                    "alerts.stream",
                    null,
                    "Kinesis stream that receives each alert as JSON.");
    public static final Setting ALERTS_LOG =
            define(
                    OUTPUT,
                    "alerts.log",
                    "true",
                    "Also log each alert (logger io.trailwatch.alerts).");
    public static final Setting DEAD_LETTERS_STREAM =
            define(
                    OUTPUT,
                    "deadletters.stream",
                    null,
                    "Kinesis stream that receives each dead letter as JSON.");
    public static final Setting DEAD_LETTERS_LOG =
            define(
                    OUTPUT,
                    "deadletters.log",
                    "true",
                    "Also log each dead letter (logger io.trailwatch.deadletters).");

    public static final Setting LATENESS =
            define(
                    DETECTION,
                    "lateness",
                    "15m",
                    "How late in event time a record may arrive and still count in windows.");
    public static final Setting EVENT_TIME_HORIZON =
            define(
                    DETECTION,
                    "eventtime.horizon",
                    "1d",
                    "How far past the wall clock a record's event time may be; later (and pre-2000)"
                            + " records are dead letters (event-time-out-of-range) and never move"
                            + " event time.");
    public static final Setting IDLENESS =
            define(
                    DETECTION,
                    "idleness",
                    "1m",
                    "After how long without records of a kind (CloudTrail, flows) a parallel instance"
                            + " stops holding back event time (idle shards, quiet streams).");
    public static final Setting UNOWNED_WINDOW =
            define(
                    DETECTION,
                    "unowned.window",
                    "1h",
                    "Aggregation window per account of the unowned-account rule (activity in accounts the ownership table does not know).");
    public static final Setting DEDUP_WINDOW =
            define(
                    DETECTION,
                    "dedup.window",
                    "60m",
                    "Repeats of an alert (same rule, owner team and resource) within this event-time window"
                            + " fold into one follow-up; 0 turns de-duplication off.");

    // The Delivery group is DeliveryProperties' keys, read by it: these definitions document them
    // and tell known keys from misspelt ones.
    public static final Setting SNS_TOPIC =
            define(
                    DELIVERY,
                    DeliveryProperties.SNS_TOPIC,
                    null,
                    "SNS topic of the default destination sns and of owners whose contact is an"
                            + " e-mail address. Setting it (or sns.format) turns SNS delivery on.");
    public static final Setting SNS_FORMAT =
            define(
                    DELIVERY,
                    DeliveryProperties.SNS_FORMAT,
                    "json",
                    "json (the alert) or chatbot (an AWS Chatbot custom notification).");
    public static final Setting SNS_REGION =
            define(
                    DELIVERY,
                    DeliveryProperties.SNS_REGION,
                    null,
                    "Region of the SNS client; by default the topic's.");
    public static final Setting SNS_ENDPOINT =
            define(
                    DELIVERY,
                    DeliveryProperties.SNS_ENDPOINT,
                    null,
                    "SNS endpoint override, for a local emulator only.");
    public static final Setting SNS_MAX_IN_FLIGHT =
            define(
                    DELIVERY,
                    DeliveryProperties.SNS_MAX_IN_FLIGHT,
                    "4",
                    "PublishBatch requests in flight per subtask.");
    public static final Setting SLACK_DEFAULT_WEBHOOK =
            define(
                    DELIVERY,
                    DeliveryProperties.SLACK_DEFAULT_WEBHOOK,
                    null,
                    "The catch-all Slack webhook: secretsmanager:<secret id or ARN>, or the URL"
                            + " itself (local development).");
    public static final Setting SLACK_CHANNEL_WEBHOOK =
            defineFamily(
                    DELIVERY,
                    DeliveryProperties.SLACK_WEBHOOK + "#channel",
                    // Wider than #channels, so that DeliveryProperties explains a key without '#'.
                    DeliveryProperties.SLACK_WEBHOOK,
                    "The webhook of one Slack channel, written as the catch-all one.");
    public static final Setting SLACK_MIN_INTERVAL =
            define(
                    DELIVERY,
                    DeliveryProperties.SLACK_MIN_INTERVAL,
                    "1s",
                    "Spacing of the messages to one webhook.");
    public static final Setting SLACK_SECRETS_REGION =
            define(
                    DELIVERY,
                    DeliveryProperties.SLACK_SECRETS_REGION,
                    null,
                    "Region of the Secrets Manager client; by default the secret ARN's.");
    public static final Setting SLACK_SECRETS_ENDPOINT =
            define(
                    DELIVERY,
                    DeliveryProperties.SLACK_SECRETS_ENDPOINT,
                    null,
                    "Secrets Manager endpoint override, for tests only.");
    public static final Setting DEFAULT_DESTINATIONS =
            define(
                    DELIVERY,
                    DeliveryProperties.DEFAULTS,
                    "sns, slack (those configured)",
                    "Where unowned, escalated and otherwise unroutable alerts go.");
    public static final Setting ESCALATE_AT =
            define(
                    DELIVERY,
                    DeliveryProperties.ESCALATE_AT,
                    "HIGH",
                    "Severity from which alerts also go to the default destinations.");
    public static final Setting RETRY_MAX_ATTEMPTS =
            define(
                    DELIVERY,
                    DeliveryProperties.RETRY_MAX_ATTEMPTS,
                    "8",
                    "Sends per message, the first included.");
    public static final Setting RETRY_BASE_DELAY =
            define(
                    DELIVERY,
                    DeliveryProperties.RETRY_BASE_DELAY,
                    "250ms",
                    "First backoff before a retry; it doubles.");
    public static final Setting RETRY_MAX_DELAY =
            define(DELIVERY, DeliveryProperties.RETRY_MAX_DELAY, "30s", "Longest backoff.");
    public static final Setting RETRY_REQUEST_TIMEOUT =
            define(
                    DELIVERY,
                    DeliveryProperties.RETRY_REQUEST_TIMEOUT,
                    "60s",
                    "How long one request may take before it is retried.");
    public static final Setting RETRY_MAX_RETRY_AFTER =
            define(
                    DELIVERY,
                    DeliveryProperties.RETRY_MAX_RETRY_AFTER,
                    "1m",
                    "Longest Retry-After waited for (Slack 429); then the message is tried again.");
    public static final Setting RETRY_DEADLINE =
            define(
                    DELIVERY,
                    DeliveryProperties.RETRY_DEADLINE,
                    "10m",
                    "How long after delivery took an alert it may still be sent; then it is a"
                            + " deadline-exceeded dead letter.");

    public static final Setting PARALLELISM =
            define(
                    JOB,
                    "parallelism",
                    "1",
                    "Local runs only; the service sets parallelism from the application.");
    public static final Setting CHECKPOINT_INTERVAL =
            define(
                    JOB,
                    "checkpoint.interval",
                    "1m",
                    "Local runs only (exactly-once checkpoints); the service uses the application's"
                            + " CheckpointConfiguration.");
    public static final Setting CHECKPOINT_DIR =
            define(
                    JOB,
                    "checkpoint.dir",
                    "file:///tmp/trailwatch/checkpoints",
                    "Local runs only: where checkpoints are kept (retained on cancel, to restart from).");
    public static final Setting STATE_BACKEND =
            define(
                    JOB,
                    "state.backend",
                    "rocksdb",
                    "Local runs only: rocksdb (incremental checkpoints) or hashmap. The service always"
                            + " uses RocksDB.");

    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    /** Where a first start reads a stream from. */
    public enum InitialPosition {
        LATEST,
        TRIM_HORIZON,
        AT_TIMESTAMP
    }

    public String region;
    public String cloudTrailStream;
    public String flowStream;
    public InitialPosition initialPosition;
    public Instant initialTimestamp;
    public Duration pollInterval;
    public int pollMaxRecords;
    public String kinesisEndpoint;

    public String tableLocation;
    public Duration reloadInterval;
    public String s3Endpoint;
    public TrustedCidrLimit trustedCidrLimit = TrustedCidrLimit.DEFAULT;

    /** Where AWS's published ranges are read; {@code null}: not read. */
    public String awsRangesLocation;

    public Duration awsRangesReloadInterval;

    public String alertsStream;
    public boolean alertsLog;
    public String deadLettersStream;
    public boolean deadLettersLog;

    public PipelineSettings pipeline;

    /** SNS and Slack; {@link DeliverySettings#enabled()} is false without a Delivery group. */
    public DeliverySettings delivery;

    public int parallelism;
    public Duration checkpointInterval;
    public String checkpointDir;
    public String stateBackend;

    public RunSettings() {}

    /** Every setting, in documentation order. */
    public static List<Setting> all() {
        return List.copyOf(ALL.values());
    }

    /** What the Kinesis sources need of these settings. */
    public KinesisReadSettings kinesisRead() {
        return new KinesisReadSettings(
                region,
                kinesisEndpoint,
                initialPosition.name(),
                initialTimestamp,
                pollInterval,
                pollMaxRecords);
    }

    /** Group name to its keys. */
    public static Map<String, Set<String>> groups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (Setting s : ALL.values()) {
            groups.computeIfAbsent(s.group, g -> new TreeSet<>()).add(s.key);
        }
        return groups;
    }

    /** Whether {@code key} is a known key of {@code group}. */
    public static boolean accepts(String group, String key) {
        for (Setting s : ALL.values()) {
            if (s.group.equals(group) && s.accepts(key)) {
                return true;
            }
        }
        return false;
    }

    public static RunSettings from(Map<String, Properties> groups) throws SettingsException {
        return new Reader(groups).read();
    }

    private static Setting define(String group, String key, String defaultValue, String text) {
        Setting s = new Setting(group, key, defaultValue, text);
        ALL.put(s.name(), s);
        return s;
    }

    /** Keys that start with {@code prefix}, documented as {@code key}. */
    private static Setting defineFamily(String group, String key, String prefix, String text) {
        Setting s = new Setting(group, key, null, text, prefix);
        ALL.put(s.name(), s);
        return s;
    }

    /** Reads and checks every setting, collecting all problems before failing. */
    private static final class Reader {
        private final Map<String, Properties> groups;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, Properties> groups) {
            this.groups = groups;
        }

        RunSettings read() throws SettingsException {
            if (groups.isEmpty()) {
                throw new SettingsException(
                        "no runtime properties: outside Managed Service for Apache Flink, run"
                                + " 'trailwatch run --properties FILE' (see the README's table)");
            }
            unknownNames();
            RunSettings s = new RunSettings();
            s.region = string(REGION);
            if (s.region != null && !REGION_NAME.matcher(s.region).matches()) {
                problem(REGION, "'" + s.region + "' is not an AWS region such as eu-west-1");
            }
            s.cloudTrailStream = streamName(CLOUDTRAIL_STREAM);
            s.flowStream = streamName(FLOW_STREAM);
            if (s.cloudTrailStream == null
                    && s.flowStream == null
                    && !isSet(CLOUDTRAIL_STREAM)
                    && !isSet(FLOW_STREAM)) {
                problems.add(
                        "neither "
                                + CLOUDTRAIL_STREAM
                                + " nor "
                                + FLOW_STREAM
                                + " is set: name at least one Kinesis stream to read");
            }
            s.initialPosition = initialPosition();
            s.initialTimestamp = instant(INITIAL_TIMESTAMP);
            if (s.initialPosition == InitialPosition.AT_TIMESTAMP
                    && s.initialTimestamp == null
                    && !isSet(INITIAL_TIMESTAMP)) {
                problem(
                        INITIAL_TIMESTAMP,
                        "is required when " + INITIAL_POSITION + " is AT_TIMESTAMP");
            }
            s.pollInterval = positiveDuration(POLL_INTERVAL);
            s.pollMaxRecords = intInRange(POLL_MAX_RECORDS, 1, 10_000);
            s.kinesisEndpoint = endpoint(ENDPOINT);

            s.tableLocation = tableLocation();
            s.reloadInterval = positiveDuration(RELOAD_INTERVAL);
            s.s3Endpoint = endpoint(S3_ENDPOINT);
            s.trustedCidrLimit = trustedCidrLimit();
            s.awsRangesLocation = awsRangesLocation();
            s.awsRangesReloadInterval = positiveDuration(AWS_RANGES_RELOAD_INTERVAL);

            s.alertsStream = streamName(ALERTS_STREAM);
            s.alertsLog = bool(ALERTS_LOG);
            s.deadLettersStream = streamName(DEAD_LETTERS_STREAM);
            s.deadLettersLog = bool(DEAD_LETTERS_LOG);
            s.delivery = delivery();
            if (s.alertsStream == null
                    && !s.alertsLog
                    && !isSet(ALERTS_STREAM)
                    && !s.delivery.enabled()) {
                problems.add(
                        "alerts would go nowhere: set "
                                + ALERTS_STREAM
                                + ", configure SNS or Slack in the "
                                + DELIVERY
                                + " group, or leave "
                                + ALERTS_LOG
                                + " true");
            }

            PipelineSettings p = new PipelineSettings();
            p.allowedLateness = duration(LATENESS, false);
            p.idleness = positiveDuration(IDLENESS);
            Duration horizon = duration(EVENT_TIME_HORIZON, false);
            if (horizon != null) {
                p.decodeLimits.eventTimeHorizon = horizon;
            }
            p.awaitCloudTrail = s.cloudTrailStream != null;
            p.awaitFlows = s.flowStream != null;
            p.unownedWindow = positiveDuration(UNOWNED_WINDOW);
            Duration dedupWindow = duration(DEDUP_WINDOW, false);
            if (dedupWindow != null) {
                p.deduplication = DedupSettings.defaults().withDefaultWindow(dedupWindow);
            }
            String format = string(FLOW_FORMAT);
            String formatProblem = FlowLogFormat.declaredFormatProblem(format);
            if (formatProblem != null) {
                problem(FLOW_FORMAT, formatProblem);
            }
            p.headerlessFlowFormat = format;
            s.pipeline = p;

            s.parallelism = intInRange(PARALLELISM, 1, 1024);
            s.checkpointInterval = positiveDuration(CHECKPOINT_INTERVAL);
            s.checkpointDir = string(CHECKPOINT_DIR);
            s.stateBackend = string(STATE_BACKEND).toLowerCase(Locale.ROOT);
            if (!s.stateBackend.equals("rocksdb") && !s.stateBackend.equals("hashmap")) {
                problem(STATE_BACKEND, "'" + s.stateBackend + "' is neither rocksdb nor hashmap");
            }
            if (!problems.isEmpty()) {
                throw new SettingsException(problems);
            }
            return s;
        }

        /** The Delivery group, read by {@link DeliveryProperties}; its problems join the rest. */
        private DeliverySettings delivery() {
            Properties group = groups.get(DELIVERY);
            if (group == null) {
                return DeliverySettings.none();
            }
            Map<String, String> values = new TreeMap<>();
            for (String key : group.stringPropertyNames()) {
                // Unknown keys are reported once, by unknownNames().
                if (accepts(DELIVERY, key)) {
                    values.put(key, group.getProperty(key));
                }
            }
            int before = problems.size();
            DeliverySettings d =
                    DeliveryProperties.read(
                            values, (key, what) -> problems.add(DELIVERY + "." + key + " " + what));
            if (problems.size() == before
                    && !d.enabled()
                    && values.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                problems.add(
                        DELIVERY
                                + " group: neither "
                                + SNS_TOPIC
                                + " (or "
                                + SNS_FORMAT
                                + ") nor a Slack webhook ("
                                + SLACK_DEFAULT_WEBHOOK
                                + ", "
                                + SLACK_CHANNEL_WEBHOOK
                                + ") is set, so nothing would be delivered");
            }
            return d;
        }

        /** A misspelt key would silently fall back to its default: refuse it instead. */
        private void unknownNames() {
            Map<String, Set<String>> known = groups();
            for (Map.Entry<String, Properties> g : groups.entrySet()) {
                Set<String> keys = known.get(g.getKey());
                if (keys == null) {
                    problems.add(
                            "unknown property group '"
                                    + g.getKey()
                                    + "' (known groups: "
                                    + String.join(", ", known.keySet())
                                    + ")");
                    continue;
                }
                for (String key : new TreeSet<>(g.getValue().stringPropertyNames())) {
                    if (!accepts(g.getKey(), key)) {
                        problems.add(
                                "unknown key '"
                                        + key
                                        + "' in group "
                                        + g.getKey()
                                        + " (known keys: "
                                        + String.join(", ", keys)
                                        + ")");
                    }
                }
            }
        }

        private boolean isSet(Setting s) {
            Properties p = groups.get(s.group);
            return p != null && p.getProperty(s.key) != null && !p.getProperty(s.key).isBlank();
        }

        /** The value or its default; {@code null} when neither exists. */
        private String string(Setting s) {
            Properties p = groups.get(s.group);
            String v = p == null ? null : p.getProperty(s.key);
            if (v == null || v.isBlank()) {
                return s.defaultValue;
            }
            return v.trim();
        }

        private String required(Setting s) {
            String v = string(s);
            if (v == null) {
                problem(s, "is required (" + s.description + ")");
            }
            return v;
        }

        private void problem(Setting s, String what) {
            problems.add(s + " " + what);
        }

        private String streamName(Setting s) {
            String v = string(s);
            if (v != null && !STREAM_NAME.matcher(v).matches()) {
                problem(s, "'" + v + "' is not a Kinesis stream name (1-128 of a-z A-Z 0-9 _ . -)");
                return null;
            }
            return v;
        }

        private InitialPosition initialPosition() {
            String v = string(INITIAL_POSITION);
            try {
                return InitialPosition.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(
                        INITIAL_POSITION,
                        "'" + v + "' is not LATEST, TRIM_HORIZON or AT_TIMESTAMP");
                return null;
            }
        }

        private Instant instant(Setting s) {
            String v = string(s);
            if (v == null) {
                return null;
            }
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                problem(s, "'" + v + "' is not an ISO-8601 instant such as 2026-10-01T00:00:00Z");
                return null;
            }
        }

        private Duration duration(Setting s, boolean positive) {
            String v = string(s);
            try {
                Duration d = Durations.parse(v);
                if (d.isNegative() || (positive && d.isZero())) {
                    problem(
                            s,
                            "must be " + (positive ? "positive" : "zero or more") + ", got " + v);
                    return null;
                }
                return d;
            } catch (IllegalArgumentException e) {
                problem(s, e.getMessage());
                return null;
            }
        }

        private Duration positiveDuration(Setting s) {
            return duration(s, true);
        }

        private int intInRange(Setting s, int min, int max) {
            String v = string(s);
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    problem(s, "must be between " + min + " and " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                problem(s, "'" + v + "' is not a whole number");
                return min;
            }
        }

        private boolean bool(Setting s) {
            String v = string(s).toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                problem(s, "'" + v + "' is neither true nor false");
            }
            return v.equals("true");
        }

        private String endpoint(Setting s) {
            String v = string(s);
            if (v == null) {
                return null;
            }
            try {
                URI uri = URI.create(v);
                if (uri.getScheme() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                        || uri.getHost() == null) {
                    problem(s, "'" + v + "' is not an http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                problem(s, "'" + v + "' is not an http(s) URL");
            }
            return v;
        }

        private TrustedCidrLimit trustedCidrLimit() {
            try {
                return TrustedCidrLimit.parse(string(TRUSTED_CIDRS_MIN_PREFIX));
            } catch (IllegalArgumentException e) {
                problem(TRUSTED_CIDRS_MIN_PREFIX, e.getMessage());
                return TrustedCidrLimit.DEFAULT;
            }
        }

        /**
         * HTTPS (plain HTTP only to this machine, for tests), S3 or a local path: a ranges file
         * fetched in the clear could be swapped on the way, and it decides what counts as AWS.
         */
        private String awsRangesLocation() {
            String v = string(AWS_RANGES_LOCATION);
            if (v == null) {
                return null;
            }
            String form = "' is neither https://host/path, s3://bucket/key nor a local path";
            if (v.startsWith("https://") || v.startsWith("http://")) {
                try {
                    URI uri = URI.create(v);
                    boolean loopback =
                            "127.0.0.1".equals(uri.getHost())
                                    || "localhost".equals(uri.getHost())
                                    || "[::1]".equals(uri.getHost());
                    if (uri.getHost() == null) {
                        problem(AWS_RANGES_LOCATION, "'" + v + form);
                    } else if (uri.getUserInfo() != null) {
                        problem(
                                AWS_RANGES_LOCATION,
                                "'" + v + "' must not hold a user or password");
                    } else if (v.startsWith("http://") && !loopback) {
                        problem(
                                AWS_RANGES_LOCATION,
                                "'"
                                        + v
                                        + "' is plain HTTP: use https:// (http:// only to this machine)");
                    }
                } catch (IllegalArgumentException e) {
                    problem(AWS_RANGES_LOCATION, "'" + v + form);
                }
                return v;
            }
            if (v.startsWith("s3://")) {
                String rest = v.substring("s3://".length());
                int slash = rest.indexOf('/');
                if (slash <= 0 || slash == rest.length() - 1) {
                    problem(AWS_RANGES_LOCATION, "'" + v + "' must be s3://bucket/key");
                }
                return v;
            }
            if (v.contains("://") && !v.startsWith("file://")) {
                problem(AWS_RANGES_LOCATION, "'" + v + form);
                return v;
            }
            try {
                Path.of(v.startsWith("file://") ? URI.create(v).getPath() : v);
            } catch (RuntimeException e) {
                problem(AWS_RANGES_LOCATION, "'" + v + "' is not a valid path: " + e.getMessage());
            }
            return v;
        }

        private String tableLocation() {
            String v = required(TABLE_LOCATION);
            if (v == null) {
                return null;
            }
            if (v.startsWith("s3://")) {
                String rest = v.substring("s3://".length());
                int slash = rest.indexOf('/');
                if (slash <= 0 || slash == rest.length() - 1) {
                    problem(TABLE_LOCATION, "'" + v + "' must be s3://bucket/key");
                }
                return v;
            }
            if (v.contains("://") && !v.startsWith("file://")) {
                problem(TABLE_LOCATION, "'" + v + "' is neither s3://bucket/key nor a local path");
                return v;
            }
            try {
                Path.of(v.startsWith("file://") ? URI.create(v).getPath() : v);
            } catch (RuntimeException e) {
                problem(TABLE_LOCATION, "'" + v + "' is not a valid path: " + e.getMessage());
            }
            return v;
        }
    }
}
