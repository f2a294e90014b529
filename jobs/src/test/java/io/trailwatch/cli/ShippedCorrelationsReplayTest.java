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
 * The shipped correlations run in the stream without any rule file: a secrets sweep (twelve secrets
 * read one by one, beside an application that reads its two secrets forty times) and one
 * StopInstances call naming twelve instances. They can be disabled like any rule, and a user's copy
 * of a shipped correlation file takes its place.
 */
class ShippedCorrelationsReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTRUDER = "arn:aws:iam::444455556666:user/svc-reporting";

    @TempDir Path dir;

    @Test
    void shippedCorrelationsAlertWithoutRuleFiles() throws Exception {
        List<JsonNode> raised = replay();

        assertThat(raised)
                .allSatisfy(
                        a -> assertThat(Schemas.alert().validate(a)).as(a.toString()).isEmpty());
        JsonNode sweep = only(raised, "TW-CRED-10");
        assertThat(sweep.path("title").asText())
                .isEqualTo("Many secrets read by one principal: " + INTRUDER);
        assertThat(sweep.path("severity").asText()).isEqualTo("HIGH");
        assertThat(sweep.path("responsibility").asText()).isEqualTo("identity");
        assertThat(sweep.path("remediation").asText()).startsWith("Find out who holds");
        JsonNode fields = sweep.path("evidence").path("fields");
        assertThat(fields.path("distinct secret").asText()).isEqualTo("10");
        // the application's forty reads of its two secrets are not a sweep
        assertThat(raised)
                .filteredOn(a -> a.path("ruleId").asText().equals("TW-CRED-10"))
                .allSatisfy(a -> assertThat(a.path("principal").asText()).isEqualTo(INTRUDER));

        // one call naming twelve instances: twelve distinct values, one event
        JsonNode stop = only(raised, "TW-DESTROY-18");
        assertThat(stop.path("evidence").path("count").asInt()).isEqualTo(1);
        assertThat(stop.path("evidence").path("eventIds")).hasSize(1);
        assertThat(
                        stop.path("evidence")
                                .path("fields")
                                .path("distinct requestParameters.instancesSet.items.instanceId")
                                .asText())
                .isEqualTo("12");
    }

    @Test
    void aShippedCorrelationCanBeDisabled() throws Exception {
        List<JsonNode> raised = replay("--disable-rule", "TW-CRED-10");

        assertThat(raised).noneMatch(a -> a.path("ruleId").asText().equals("TW-CRED-10"));
        assertThat(raised).anyMatch(a -> a.path("ruleId").asText().equals("TW-DESTROY-18"));
    }

    @Test
    void aTunedCopyTakesTheShippedCorrelationsPlace() throws Exception {
        // the copy asks for 20 distinct secrets; the sweep read 12
        Path tuned = resource().resolve("tuned");
        Path alerts = dir.resolve("alerts.jsonl");
        CliRun r = run(alerts, "--rules", tuned.toString());

        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr())
                .contains("TW-CRED-10.yml:44")
                .contains("replaces the shipped rule TW-CRED-10");
        List<JsonNode> raised = read(alerts);
        assertThat(raised).noneMatch(a -> a.path("ruleId").asText().equals("TW-CRED-10"));
        assertThat(raised).anyMatch(a -> a.path("ruleId").asText().equals("TW-DESTROY-18"));
    }

    private List<JsonNode> replay(String... more) throws Exception {
        Path alerts = dir.resolve("alerts.jsonl");
        CliRun r = run(alerts, more);
        assertThat(r.status()).as(r.stderr()).isZero();
        return read(alerts);
    }

    private CliRun run(Path alerts, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("replay", "--out", alerts.toString()));
        args.addAll(List.of(more));
        args.add(resource().resolve("AWSLogs").toString());
        return CliRun.of(args.toArray(new String[0]));
    }

    private Path resource() throws Exception {
        return Path.of(getClass().getResource("/shipped-correlations").toURI());
    }

    private static List<JsonNode> read(Path alerts) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(alerts)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    /** The one first alert of the rule (de-duplication folds its repeats into a follow-up). */
    private static JsonNode only(List<JsonNode> alerts, String ruleId) {
        List<JsonNode> first =
                alerts.stream()
                        .filter(a -> a.path("ruleId").asText().equals(ruleId))
                        .filter(a -> !a.has("followUpOf") || a.path("followUpOf").isNull())
                        .toList();
        assertThat(first).as(ruleId).hasSize(1);
        return first.get(0);
    }
}
