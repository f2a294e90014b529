package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample story replayed with a directory of rule files, as a user runs it: detection rules over
 * CloudTrail (reading the owner's columns) and flow records, correlations with their rules in one
 * file, a filter on a built-in rule, and files that cannot be used (not YAML, an unknown modifier)
 * or are for another log. The broken ones are reported with file, line and reason and the rest
 * runs; the alerts are ordinary, schema-valid alerts.
 */
class ReplayRuleFilesTest {
    private static final String FLOW_RULE = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    private static final String FAILURES_PER_ADDRESS = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String USERS_PER_ADDRESS = "2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String FAILED_SIGN_IN = "0f6e1d2c-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final String REPEATED_BURSTS = "0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a";
    private static final String DATA_BUCKET_POLICY = "4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a";
    private static final String PAYMENTS_BUCKET_POLICY = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void ruleFilesRunBesideTheBuiltInRules() throws Exception {
        Path alerts = dir.resolve("alerts.jsonl");
        CliRun r = replay(alerts);

        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr())
                .contains("broken.yml:2: not valid YAML")
                .contains("unknown-modifier.yml:8: A rule with a modifier Sigma does not have:")
                .contains("'frobnicate'")
                .contains(
                        "rule files: 3 rules and 3 correlations loaded, 1 rules for other logs"
                                + " skipped, 2 left out");
        List<JsonNode> raised = read(alerts);
        assertThat(raised)
                .allSatisfy(
                        a -> assertThat(Schemas.alert().validate(a)).as(a.toString()).isEmpty());

        assertThat(titles(raised, FAILURES_PER_ADDRESS))
                .containsExactlyInAnyOrder(
                        "Many failed console sign-ins from one address: 198.51.100.24",
                        "Many failed console sign-ins from one address: 198.51.100.23");
        assertThat(titles(raised, USERS_PER_ADDRESS))
                .containsExactly("Distinct users failing from one address: 198.51.100.24");
        // only the correlations read it: it does not alert on its own
        assertThat(titles(raised, FAILED_SIGN_IN)).isEmpty();
        // a correlation of correlations: the two bursts, 29 minutes apart
        assertThat(titles(raised, REPEATED_BURSTS))
                .containsExactly("Sign-in bursts from two addresses or more within the hour");

        List<JsonNode> buckets = of(raised, DATA_BUCKET_POLICY);
        assertThat(buckets)
                .extracting(a -> a.path("resource").asText())
                .containsExactlyInAnyOrder("acme-analytics-raw", "acme-analytics-curated");
        assertThat(buckets)
                .allSatisfy(
                        a -> {
                            assertThat(a.path("owner").path("team").asText())
                                    .isEqualTo("data-engineering");
                            assertThat(a.path("severity").asText()).isEqualTo("HIGH");
                            assertThat(
                                            a.path("evidence")
                                                    .path("fields")
                                                    .path("owner.team")
                                                    .asText())
                                    .isEqualTo("data-engineering");
                        });
        assertThat(titles(raised, PAYMENTS_BUCKET_POLICY)).isEmpty();

        JsonNode ssh = only(raised, FLOW_RULE);
        assertThat(ssh.path("principal").asText()).isEqualTo("192.0.2.44");
        assertThat(ssh.path("resource").asText()).isEqualTo("i-0b2c3d4e5f6a7b8c9");
        assertThat(ssh.path("responsibility").asText()).isEqualTo("network");
        assertThat(ssh.path("evidence").path("fields").path("dstport").asText()).isEqualTo("22");

        // the filter leaves TW-NET-01 the groups that are not the load balancer's
        assertThat(raised)
                .filteredOn(a -> a.path("ruleId").asText().equals("TW-NET-01"))
                .extracting(a -> a.path("resource").asText())
                .containsExactlyInAnyOrder("sg-0c3f5a7b9d1e24680", "sg-0d4e6f8091a2b3c45");
    }

    @Test
    void optionsNameRuleFilesRulesByTheirIds() throws Exception {
        Path alerts = dir.resolve("alerts.jsonl");
        CliRun r =
                replay(
                        alerts,
                        "--disable-rule",
                        USERS_PER_ADDRESS.toUpperCase(java.util.Locale.ROOT),
                        "--severity",
                        FLOW_RULE + "=LOW",
                        "--rule-setting",
                        FAILURES_PER_ADDRESS + ".window=1m");

        assertThat(r.status()).as(r.stderr()).isZero();
        List<JsonNode> raised = read(alerts);
        assertThat(titles(raised, USERS_PER_ADDRESS)).isEmpty();
        assertThat(only(raised, FLOW_RULE).path("severity").asText()).isEqualTo("LOW");
        // within a minute of each other, only .23's failures are three
        assertThat(titles(raised, FAILURES_PER_ADDRESS))
                .containsExactly("Many failed console sign-ins from one address: 198.51.100.23");
    }

    @Test
    void ruleFilesGiveTheSameAlertsAtAnyParallelism() throws Exception {
        Path one = dir.resolve("one.jsonl");
        Path four = dir.resolve("four.jsonl");
        // without de-duplication, which passes the first of an episode's alerts as it arrives:
        // which of a burst's same-second matches arrives first depends on the readers
        assertThat(replay(one, "--dedup-window", "0").status()).isZero();
        assertThat(replay(four, "--parallelism", "4", "--dedup-window", "0").status()).isZero();

        assertThat(fromFiles(four)).isNotEmpty().isEqualTo(fromFiles(one));
    }

    /** The rule files' alerts, without the time they were made, in a fixed order. */
    private static List<String> fromFiles(Path alerts) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode a : read(alerts)) {
            if (!a.path("ruleId").asText().startsWith("TW-")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("detectedAt");
                out.add(a.toString());
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void anUnknownRuleIdInAnOptionIsAUsageError() throws Exception {
        CliRun r =
                replay(
                        dir.resolve("alerts.jsonl"),
                        "--disable-rule",
                        "00000000-0000-4000-8000-000000000000");

        assertThat(r.status()).isEqualTo(TrailwatchCli.EXIT_USAGE);
        assertThat(r.stderr()).contains("no such rule");
    }

    private CliRun replay(Path alerts, String... more) throws Exception {
        Path rules = Path.of(getClass().getResource("/sigma/replay").toURI());
        List<String> args = new ArrayList<>();
        args.add("replay");
        args.add("--ownership");
        args.add(Path.of("..", "sample-logs", "ownership.csv").toString());
        args.add("--rules");
        args.add(rules.toString());
        args.add("--out");
        args.add(alerts.toString());
        args.addAll(List.of(more));
        args.add(Path.of("..", "sample-logs", "logs").toString());
        return CliRun.of(args.toArray(new String[0]));
    }

    private static List<JsonNode> read(Path alerts) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(alerts)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static List<String> titles(List<JsonNode> alerts, String ruleId) {
        return alerts.stream()
                .filter(a -> a.path("ruleId").asText().equals(ruleId))
                .map(a -> a.path("title").asText())
                .toList();
    }

    private static List<JsonNode> of(List<JsonNode> alerts, String ruleId) {
        return alerts.stream().filter(a -> a.path("ruleId").asText().equals(ruleId)).toList();
    }

    /** The one first alert of the rule (de-duplication folds its repeats into a follow-up). */
    private static JsonNode only(List<JsonNode> alerts, String ruleId) {
        List<JsonNode> first =
                of(alerts, ruleId).stream().filter(a -> !a.has("followUpOf")).toList();
        assertThat(first).as(ruleId).hasSize(1);
        return first.get(0);
    }
}
