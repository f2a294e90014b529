package io.trailwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.ownership.TrustedCidrLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runtime properties: both file shapes, defaults, and fail-fast messages naming group and key. */
class RunSettingsTest {
    @TempDir Path dir;

    private static final String MINIMAL_JSON =
            "[{\"PropertyGroupId\": \"Input\", \"PropertyMap\": {\"region\": \"eu-west-1\","
                    + " \"cloudtrail.stream\": \"trailwatch-cloudtrail\"}},"
                    + " {\"PropertyGroupId\": \"Ownership\", \"PropertyMap\":"
                    + " {\"table.location\": \"s3://trailwatch-config/ownership.csv\"}}]";

    @Test
    void serviceJsonShapeWithDefaults() throws Exception {
        Path file = dir.resolve("app.json");
        Files.writeString(file, MINIMAL_JSON);

        RunSettings s = RunSettings.from(PropertyGroups.fromFile(file));

        assertThat(s.region).isEqualTo("eu-west-1");
        assertThat(s.cloudTrailStream).isEqualTo("trailwatch-cloudtrail");
        assertThat(s.flowStream).isNull();
        // event time waits at the start for the kind there is a stream for, and only for it
        assertThat(s.pipeline.awaitCloudTrail).isTrue();
        assertThat(s.pipeline.awaitFlows).isFalse();
        assertThat(s.initialPosition).isEqualTo(RunSettings.InitialPosition.LATEST);
        assertThat(s.pollInterval).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.pollMaxRecords).isEqualTo(10_000);
        assertThat(s.tableLocation).isEqualTo("s3://trailwatch-config/ownership.csv");
        assertThat(s.reloadInterval).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.alertsStream).isNull();
        assertThat(s.alertsLog).isTrue();
        assertThat(s.deadLettersLog).isTrue();
        assertThat(s.pipeline.allowedLateness).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.pipeline.idleness).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.pipeline.unownedWindow).isEqualTo(Duration.ofHours(1));
        assertThat(s.stateBackend).isEqualTo("rocksdb");
        assertThat(s.checkpointInterval).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void propertiesShapeReadsTheSameSettings() throws Exception {
        Path file = dir.resolve("app.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "Input.region = us-east-2",
                        "Input.flow.stream = flows",
                        "Input.initial.position = AT_TIMESTAMP",
                        "Input.initial.timestamp = 2026-10-01T00:00:00Z",
                        "Ownership.table.location = /etc/trailwatch/ownership.csv",
                        "Ownership.reload.interval = 30s",
                        "Output.alerts.stream = alerts",
                        "Output.alerts.log = false",
                        "Detection.lateness = 0s",
                        "Detection.unowned.window = PT10M",
                        "Job.state.backend = HashMap"));

        RunSettings s = RunSettings.from(PropertyGroups.fromFile(file));

        assertThat(s.flowStream).isEqualTo("flows");
        assertThat(s.initialPosition).isEqualTo(RunSettings.InitialPosition.AT_TIMESTAMP);
        assertThat(s.initialTimestamp).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(s.reloadInterval).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.alertsStream).isEqualTo("alerts");
        assertThat(s.alertsLog).isFalse();
        assertThat(s.pipeline.allowedLateness).isZero();
        assertThat(s.pipeline.unownedWindow).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.stateBackend).isEqualTo("hashmap");
    }

    @Test
    void everyProblemIsReportedAtOnceNamingGroupAndKey() {
        Map<String, Properties> groups = new java.util.TreeMap<>();
        put(groups, "Input", "region", "Ireland");
        put(groups, "Input", "cloudtrail.stream", "no spaces allowed");
        put(groups, "Input", "initial.position", "AT_TIMESTAMP");
        put(groups, "Input", "poll.max-records", "20000");
        put(groups, "Detection", "idleness", "soon");
        put(groups, "Detection", "lateness", "-5m");
        put(groups, "Output", "alerts.log", "yes");
        put(groups, "Output", "alert.stream", "typo");
        put(groups, "Outputs", "x", "y");

        assertThatThrownBy(() -> RunSettings.from(groups))
                .isInstanceOf(SettingsException.class)
                .satisfies(
                        e ->
                                assertThat(((SettingsException) e).problems())
                                        .anyMatch(p -> p.startsWith("Input.region 'Ireland'"))
                                        .anyMatch(p -> p.startsWith("Input.cloudtrail.stream"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "Input.initial.timestamp is required"))
                                        .anyMatch(p -> p.startsWith("Input.poll.max-records"))
                                        .anyMatch(p -> p.startsWith("Detection.idleness 'soon'"))
                                        .anyMatch(p -> p.startsWith("Detection.lateness must be"))
                                        .anyMatch(p -> p.startsWith("Output.alerts.log 'yes'"))
                                        .anyMatch(p -> p.contains("unknown key 'alert.stream'"))
                                        .anyMatch(
                                                p -> p.contains("unknown property group 'Outputs'"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith(
                                                                "Ownership.table.location is required")));
    }

    @Test
    void noPropertiesAtAllTellsHowToRunLocally() {
        assertThatThrownBy(() -> RunSettings.from(Map.of()))
                .hasMessageContaining("--properties FILE");
    }

    @Test
    void aStreamIsRequired() {
        Map<String, Properties> groups = new java.util.TreeMap<>();
        put(groups, "Input", "region", "eu-west-1");
        put(groups, "Ownership", "table.location", "/tmp/o.csv");
        assertThatThrownBy(() -> RunSettings.from(groups))
                .hasMessageContaining("Input.cloudtrail.stream nor Input.flow.stream");
    }

    @Test
    void malformedFilesAreRejectedWithTheirName() throws Exception {
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "[{\"PropertyGroupId\": \"Input\"}]");
        assertThatThrownBy(() -> PropertyGroups.fromFile(json))
                .hasMessageContaining("bad.json")
                .hasMessageContaining("PropertyMap");
        Path props = dir.resolve("bad.properties");
        Files.writeString(props, "region=eu-west-1\n");
        assertThatThrownBy(() -> PropertyGroups.fromFile(props))
                .hasMessageContaining("must be GROUP.key");
    }

    @Test
    void durationsInEveryForm() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> Durations.parse("15 minutes")).hasMessageContaining("examples");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    }

    @Test
    void theBroadestTrustedRangeOfTheOwnershipTableIsASetting() throws Exception {
        Path file = dir.resolve("app.json");
        Files.writeString(file, MINIMAL_JSON);
        assertThat(RunSettings.from(PropertyGroups.fromFile(file)).trustedCidrLimit)
                .isEqualTo(TrustedCidrLimit.DEFAULT)
                .hasToString("/8,/16");

        Path props = dir.resolve("app.properties");
        Files.writeString(
                props,
                "Input.region=eu-west-1\nInput.cloudtrail.stream=ct\n"
                        + "Ownership.table.location=/tmp/o.csv\n"
                        + "Ownership.trusted-cidrs.min-prefix=/16,/48\n");
        assertThat(RunSettings.from(PropertyGroups.fromFile(props)).trustedCidrLimit)
                .isEqualTo(TrustedCidrLimit.parse("/16,/48"));

        Files.writeString(
                props,
                "Input.region=eu-west-1\nInput.cloudtrail.stream=ct\n"
                        + "Ownership.table.location=/tmp/o.csv\n"
                        + "Ownership.trusted-cidrs.min-prefix=8\n");
        assertThatThrownBy(() -> RunSettings.from(PropertyGroups.fromFile(props)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(
                        "Ownership.trusted-cidrs.min-prefix '8' is not two prefix lengths, IPv4"
                                + " (0-32) then IPv6 (0-128), such as /8,/16");
    }

    @Test
    void awsRangesAreReadDailyFromWhereTheyAreSetAndNotAtAllOtherwise() throws Exception {
        Path file = dir.resolve("app.json");
        Files.writeString(file, MINIMAL_JSON);
        RunSettings without = RunSettings.from(PropertyGroups.fromFile(file));
        assertThat(without.awsRangesLocation).isNull();
        assertThat(without.awsRangesReloadInterval).isEqualTo(Duration.ofDays(1));

        for (String location :
                new String[] {
                    "https://ip-ranges.amazonaws.com/ip-ranges.json",
                    "s3://trailwatch-config/ip-ranges.json",
                    "/etc/trailwatch/ip-ranges.json",
                    "http://127.0.0.1:8080/ip-ranges.json"
                }) {
            Map<String, Properties> groups = minimal();
            put(groups, "AwsRanges", "location", location);
            put(groups, "AwsRanges", "reload.interval", "6h");
            RunSettings s = RunSettings.from(groups);
            assertThat(s.awsRangesLocation).isEqualTo(location);
            assertThat(s.awsRangesReloadInterval).isEqualTo(Duration.ofHours(6));
        }
    }

    @Test
    void awsRangesFetchedInTheClearOrFromNowhereAreRefused() {
        String[][] cases = {
            {"http://ip-ranges.amazonaws.com/ip-ranges.json", "is plain HTTP: use https://"},
            {
                "https://user:pw@ranges.example.com/ip-ranges.json",
                "must not hold a user or password"
            },
            {"s3://trailwatch-config", "must be s3://bucket/key"},
            {"ftp://ranges.example.com/ip-ranges.json", "is neither https://host/path"}
        };
        for (String[] c : cases) {
            Map<String, Properties> groups = minimal();
            put(groups, "AwsRanges", "location", c[0]);
            put(groups, "AwsRanges", "reload.interval", "0s");
            assertThatThrownBy(() -> RunSettings.from(groups))
                    .isInstanceOf(SettingsException.class)
                    .satisfies(
                            e ->
                                    assertThat(((SettingsException) e).problems())
                                            .as(c[0])
                                            .anyMatch(
                                                    p ->
                                                            p.startsWith("AwsRanges.location")
                                                                    && p.contains(c[1]))
                                            .anyMatch(
                                                    p ->
                                                            p.startsWith(
                                                                    "AwsRanges.reload.interval must be positive")));
        }
    }

    private static Map<String, Properties> minimal() {
        Map<String, Properties> groups = new java.util.TreeMap<>();
        put(groups, "Input", "region", "eu-west-1");
        put(groups, "Input", "cloudtrail.stream", "ct");
        put(groups, "Ownership", "table.location", "/tmp/o.csv");
        return groups;
    }

    @Test
    void theLocalExampleIsValid() throws Exception {
        RunSettings s =
                RunSettings.from(
                        PropertyGroups.fromFile(Path.of("..", "deploy", "local.example.json")));
        assertThat(s.kinesisEndpoint).startsWith("http://127.0.0.1:");
        assertThat(s.parallelism).isEqualTo(2);
    }

    @Test
    void everySettingIsInTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Setting setting : RunSettings.all()) {
            assertThat(readme)
                    .as(setting + " documented")
                    .contains("| `" + setting.group + "` | `" + setting.key + "` |");
        }
    }

    @Test
    void everyRowOfTheReadmeTableIsASettingTheJobReads() throws Exception {
        Matcher row =
                Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\| `([^`]+)` \\|")
                        .matcher(Files.readString(Path.of("..", "README.md")));
        int rows = 0;
        while (row.find()) {
            rows++;
            assertThat(RunSettings.groups().get(row.group(1)))
                    .as("README row " + row.group(1) + "." + row.group(2))
                    .contains(row.group(2));
        }
        assertThat(rows).isEqualTo(RunSettings.all().size());
    }

    private static void put(
            Map<String, Properties> groups, String group, String key, String value) {
        groups.computeIfAbsent(group, g -> new Properties()).setProperty(key, value);
    }
}
