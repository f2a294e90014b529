package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance corpus (CloudTrail records of every version and caller type, Insights
 * events, a digest file, flow logs of every version, a transit gateway flow log, and a custom
 * format without a header declared by the directory's .flow-format file) replayed as a user replays
 * a directory: no dead letter, every record decoded or counted as skipped, and exactly the alerts
 * its risky records call for.
 */
class ConformanceReplayTest {
    @TempDir Path dir;

    @Test
    void theCorpusReplaysWithoutADeadLetter() throws Exception {
        Path corpus = Path.of(getClass().getResource("/conformance").toURI());
        Path owners = dir.resolve("owners.csv");
        Files.writeString(
                owners,
                "match,team,environment,contact,trusted_cidrs\n"
                        + "111122223333,platform,prod,#platform,198.51.100.0/24\n");
        Path alerts = dir.resolve("alerts.jsonl");
        Path dead = dir.resolve("dead.jsonl");

        CliRun r =
                CliRun.of(
                        "replay",
                        "--ownership",
                        owners.toString(),
                        "--out",
                        alerts.toString(),
                        "--dead-letters",
                        dead.toString(),
                        corpus.toString());

        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(Files.readAllLines(dead)).as(r.stderr()).isEmpty();
        assertThat(r.stderr())
                .contains("CloudTrail other      2 Insights events, 1 digest files")
                .contains("records seen          42 = 37 decoded + 0 dead letters + 5 skipped");
        List<String> raised = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(alerts)) {
            JsonNode a = json.readTree(line);
            raised.add(a.path("ruleId").asText() + " " + a.path("resource").asText());
        }
        assertThat(raised)
                .as(r.stderr())
                .containsExactlyInAnyOrder(
                        "TW-IAM-05 Bob",
                        "TW-LOG-01 eu-audit",
                        "TW-IAM-01 arn:aws:iam::111122223333:root");
    }
}
