package io.trailwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.trailwatch.alert.AlertPolicy;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionTest {
    private static final Predicate<String> KNOWN = RuleRegistry.builtIn()::contains;

    private static final String HEADER = "rule_id,account,principal,resource,reason,expires\n";
    private static final String FILE =
            HEADER
                    + "TW-NET-01,444455556666,,sg-0a7b9c1d3e5f24681,public load balancer serves HTTPS,2026-12-31\n"
                    + "*,,arn:aws:sts::*:assumed-role/AWSServiceRoleForConfig/*,,AWS Config inventory,2026-10-14\n"
                    + "TW-IAM-02,777788889999,arn:aws:iam::777788889999:user/kiosk,,shared kiosk account,2026-01-31\n";

    @Test
    void matchesOnRuleAccountPrincipalAndResourceWithWildcards() throws Exception {
        List<Suppression> list = SuppressionFileParser.parse(FILE, "s.csv", KNOWN);
        AlertPolicy policy = new AlertPolicy(settings(list));

        assertThat(
                        policy.suppressedBy(
                                alert(
                                        "TW-NET-01",
                                        "444455556666",
                                        "arn:aws:iam::444455556666:user/x",
                                        "sg-0a7b9c1d3e5f24681",
                                        "2026-10-14T09:35:40Z")))
                .extracting(s -> s.line)
                .isEqualTo(2);
        assertThat(
                        policy.suppressedBy(
                                alert(
                                        "TW-NET-01",
                                        "444455556666",
                                        "p",
                                        "sg-0c3f5a7b9d1e24680",
                                        "2026-10-14T10:20:05Z")))
                .isNull();
        assertThat(
                        policy.suppressedBy(
                                alert(
                                        "TW-RECON-02",
                                        "777788889999",
                                        "arn:aws:sts::777788889999:assumed-role/AWSServiceRoleForConfig/AWSConfig-Describe",
                                        null,
                                        "2026-10-14T10:00:00Z")))
                .extracting(s -> s.line)
                .isEqualTo(3);
    }

    @Test
    void expiredSuppressionsStopApplying() throws Exception {
        AlertPolicy policy =
                new AlertPolicy(settings(SuppressionFileParser.parse(FILE, "s.csv", KNOWN)));

        assertThat(
                        policy.suppressedBy(
                                alert(
                                        "TW-IAM-02",
                                        "777788889999",
                                        "arn:aws:iam::777788889999:user/kiosk",
                                        null,
                                        "2026-01-31T23:59:59Z")))
                .isNotNull();
        assertThat(
                        policy.suppressedBy(
                                alert(
                                        "TW-IAM-02",
                                        "777788889999",
                                        "arn:aws:iam::777788889999:user/kiosk",
                                        null,
                                        "2026-02-01T00:00:00Z")))
                .isNull();
        assertThat(
                        policy.suppressedBy(
                                alert(
                                        "TW-RECON-02",
                                        "1",
                                        "arn:aws:sts::1:assumed-role/AWSServiceRoleForConfig/x",
                                        null,
                                        "2026-10-15T00:00:01Z")))
                .isNull();
    }

    @Test
    void severityOverridesApply() {
        RuleSettings settings = new RuleSettings();
        settings.severityOverrides.put("TW-NET-01", Severity.INFO);
        Alert a = alert("TW-NET-01", "1", "p", "r", "2026-10-14T00:00:00Z");

        new AlertPolicy(settings).overrideSeverity(a);

        assertThat(a.severity).isEqualTo(Severity.INFO);
    }

    @Test
    void refusesEntriesWithoutReasonExpiryOrTarget() {
        assertThatThrownBy(
                        () ->
                                SuppressionFileParser.parse(
                                        HEADER + "TW-NET-01,444455556666,,,,2026-12-31\n",
                                        "s.csv",
                                        KNOWN))
                .hasMessage(
                        "suppression file s.csv, line 2, column 'reason': is empty; say why this activity is known-good");
        assertThatThrownBy(
                        () ->
                                SuppressionFileParser.parse(
                                        HEADER + "TW-NET-01,444455556666,,,ok,31/12/2026\n",
                                        "s.csv",
                                        KNOWN))
                .hasMessage(
                        "suppression file s.csv, line 2, column 'expires': '31/12/2026' is not a date (YYYY-MM-DD)");
        assertThatThrownBy(
                        () ->
                                SuppressionFileParser.parse(
                                        HEADER + "TW-NET-01,,,,ok,2026-12-31\n", "s.csv", KNOWN))
                .hasMessage(
                        "suppression file s.csv, line 2: give at least one of account, principal, resource");
        assertThatThrownBy(
                        () ->
                                SuppressionFileParser.parse(
                                        HEADER + "TW-NOPE-01,1,,,ok,2026-12-31\n", "s.csv", KNOWN))
                .hasMessage(
                        "suppression file s.csv, line 2, column 'rule_id': 'TW-NOPE-01' is not a rule id (see trailwatch rules) or *");
        assertThatThrownBy(
                        () ->
                                SuppressionFileParser.parse(
                                        "rule,reason\nTW-NET-01,x\n", "s.csv", KNOWN))
                .hasMessageContaining("lacks the column 'rule_id'");
    }

    @Test
    void errorsNameThePhysicalLineAfterBlankLinesAndValuesOverSeveralLines() {
        String csv =
                HEADER
                        + "\n\n"
                        + "TW-NET-01,444455556666,,,\"load balancer,\nreviewed by the network team\",2026-12-31\n"
                        + "\n"
                        + "TW-NET-01,444455556666,,,ok,31/12/2026\n";

        assertThatThrownBy(() -> SuppressionFileParser.parse(csv, "s.csv", KNOWN))
                .hasMessageStartingWith("suppression file s.csv, line 7, column 'expires'");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingWhereTheyAre(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.csv");
        byte[] latin1 =
                (HEADER + "TW-NET-01,444455556666,,,caf\u00e9 network,2026-12-31\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);

        assertThatThrownBy(() -> SuppressionFileParser.parse(file, KNOWN))
                .hasMessageStartingWith("suppression file " + file + ", line 2")
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void everyValidRowMatchesTheSuppressionSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in =
                Files.newInputStream(Path.of("..", "schemas", "suppression.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        ObjectMapper json = new ObjectMapper();
        try (CSVParser parser =
                CSVParser.parse(
                        FILE,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : parser) {
                ObjectNode row = json.createObjectNode();
                r.toMap()
                        .forEach(
                                (k, v) -> {
                                    if (!v.isEmpty()) {
                                        row.put(k, v);
                                    }
                                });
                assertThat(schema.validate(row)).as(row.toString()).isEmpty();
            }
        }
        assertThat(
                        schema.validate(
                                json.readTree(
                                        "{\"rule_id\":\"TW-NET-01\",\"reason\":\"x\",\"expires\":\"2026-12-31\"}")))
                .as("a row with no target")
                .isNotEmpty();
    }

    private static RuleSettings settings(List<Suppression> list) {
        RuleSettings s = new RuleSettings();
        s.suppressions = list;
        return s;
    }

    private static Alert alert(
            String rule, String account, String principal, String resource, String time) {
        Alert a = new Alert();
        a.ruleId = rule;
        a.account = account;
        a.principal = principal;
        a.resource = resource;
        a.eventTime = Instant.parse(time).toEpochMilli();
        a.severity = Severity.MEDIUM;
        return a;
    }
}
