package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trailwatch rules --rules PATH}: what loads, what is left out and why, what is skipped. */
class RulesCommandRuleFilesTest {
    @TempDir Path dir;

    @Test
    void listsLoadedRulesProblemsAndSkippedRules() throws Exception {
        Path rules = Path.of(getClass().getResource("/sigma/replay").toURI());

        CliRun r = CliRun.of("rules", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout())
                .contains("TW-NET-01")
                .containsPattern(
                        "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f +MEDIUM +sigma \\(flow\\) +SSH accepted"
                                + " from outside the private ranges +\\(.*ssh-from-outside.yml:1\\)")
                .containsPattern(
                        "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d +HIGH +sigma correlation +Many failed")
                .contains("Left out: 2")
                .contains("broken.yml:2: not valid YAML")
                .contains("'frobnicate' (in 'eventName|frobnicate') is not a Sigma modifier")
                .contains("Skipped, for logs Trailwatch does not read: 1")
                .contains(
                        "windows-process.yml:1: A rule for another log (product: windows, category: process_creation)");
    }

    @Test
    void rulesThatAllLoadExitZeroAndAFieldRecordsNeverHaveIsAWarning() throws Exception {
        Path file = dir.resolve("status.yml");
        Files.writeString(
                file,
                "title: Provider deleted\n"
                        + "id: 11111111-2222-4333-8444-555555555555\n"
                        + "logsource: {product: aws, service: cloudtrail}\n"
                        + "detection:\n"
                        + "  selection:\n"
                        + "    eventName: DeleteSAMLProvider\n"
                        + "    status: success\n"
                        + "  condition: selection\n"
                        + "level: medium\n");

        CliRun r = CliRun.of("rules", "--rules", file.toString());

        assertThat(r.status()).as(r.stdout()).isZero();
        assertThat(r.stdout())
                .contains("Left out: 0")
                .contains("Warnings: 1")
                .contains("field 'status' is not in CloudTrail records");
    }

    @Test
    void aPathThatDoesNotExistIsReported() {
        CliRun r = CliRun.of("rules", "--rules", dir.resolve("nothing-here").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).contains("nothing-here: no such file or directory");
    }
}
