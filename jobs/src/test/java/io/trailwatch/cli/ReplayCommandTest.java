package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.testing.NamedPipes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The replay command line of the README: outputs, summary and exit status. */
class ReplayCommandTest {
    @TempDir Path dir;

    @Test
    void missingPathIsExit2WithOneClearLine() {
        CliRun r = CliRun.of("replay", dir.resolve("nope").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderrLines())
                .containsExactly(
                        "trailwatch: cannot read "
                                + dir.resolve("nope")
                                + ": no such file or directory");
    }

    @Test
    void malformedOwnershipTableIsExit2NamingLineAndColumn() throws Exception {
        Path table =
                Files.writeString(
                        dir.resolve("owners.csv"),
                        "match,team\n111122223333,payments\nnot-a-match,x\n");
        Path log = Files.writeString(dir.resolve("log.json"), "{\"Records\":[]}");

        CliRun r = CliRun.of("replay", "--ownership", table.toString(), log.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderr())
                .startsWith(
                        "trailwatch: ownership table "
                                + table
                                + ", line 3, column 'match': 'not-a-match'");
    }

    @Test
    void anOwnershipTableThatTrustsTheWholeInternetIsExit2() throws Exception {
        Path table =
                Files.writeString(
                        dir.resolve("owners.csv"),
                        "match,team,trusted_cidrs\n111122223333,payments,0.0.0.0/0 ::/0\n");
        Path narrower =
                Files.writeString(
                        dir.resolve("narrower.csv"),
                        "match,team,trusted_cidrs\n111122223333,payments,10.16.0.0/12\n");
        Path log = Files.writeString(dir.resolve("log.json"), "{\"Records\":[]}");

        CliRun broad = CliRun.of("replay", "--ownership", table.toString(), log.toString());
        CliRun stricter =
                CliRun.of(
                        "replay",
                        "--trusted-cidrs-min-prefix",
                        "/16,/48",
                        "--ownership",
                        narrower.toString(),
                        log.toString());
        CliRun bad = CliRun.of("replay", "--trusted-cidrs-min-prefix", "/8", log.toString());

        assertThat(broad.status()).isEqualTo(2);
        assertThat(broad.stderrLines())
                .singleElement()
                .asString()
                .startsWith(
                        "trailwatch: ownership table "
                                + table
                                + ", line 2, column 'trusted_cidrs': '0.0.0.0/0' is broader than"
                                + " /8");
        assertThat(stricter.status()).isEqualTo(2);
        assertThat(stricter.stderr()).contains("'10.16.0.0/12' is broader than /16");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.stderrLines())
                .containsExactly(
                        "trailwatch: --trusted-cidrs-min-prefix '/8' is not two prefix lengths,"
                                + " IPv4 (0-32) then IPv6 (0-128), such as /8,/16");
    }

    @Test
    void badUsageIsExit2() {
        assertThat(CliRun.of("replay").status()).isEqualTo(2);
        assertThat(CliRun.of("replay", "--parallelism", "0", dir.toString()).status()).isEqualTo(2);
        assertThat(CliRun.of("replay", "--lateness", "soon", dir.toString()).status()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").status()).isEqualTo(2);
    }

    @Test
    void unknownRulesAndLevelsAreExit2() throws Exception {
        Path log = Files.writeString(dir.resolve("log.json"), "{\"Records\":[]}");

        CliRun disabled = CliRun.of("replay", "--disable-rule", "TW-NOPE-01", log.toString());
        CliRun severity = CliRun.of("replay", "--severity", "TW-NET-01=SEVERE", log.toString());

        assertThat(disabled.status()).isEqualTo(2);
        assertThat(disabled.stderrLines())
                .containsExactly(
                        "trailwatch: --disable-rule TW-NOPE-01: no such rule (see trailwatch rules)");
        assertThat(severity.status()).isEqualTo(2);
        assertThat(severity.stderr())
                .contains("the level must be one of CRITICAL, HIGH, MEDIUM, LOW, INFO");
    }

    @Test
    void badWindowedRuleSettingsAreExit2() throws Exception {
        Path log = Files.writeString(dir.resolve("log.json"), "{\"Records\":[]}");

        CliRun name =
                CliRun.of("replay", "--rule-setting", "TW-AUTH-01.failure=10", log.toString());
        CliRun value =
                CliRun.of("replay", "--rule-setting", "TW-EXFIL-02.window=soon", log.toString());

        assertThat(name.status()).isEqualTo(2);
        assertThat(name.stderrLines())
                .singleElement()
                .asString()
                .startsWith(
                        "trailwatch: --rule-setting TW-AUTH-01.failure: no such setting (one of [");
        assertThat(value.status()).isEqualTo(2);
        assertThat(value.stderr()).contains("'soon' is not a duration");
    }

    @Test
    void malformedSuppressionFileIsExit2() throws Exception {
        Path log = Files.writeString(dir.resolve("log.json"), "{\"Records\":[]}");
        Path file =
                Files.writeString(
                        dir.resolve("s.csv"),
                        "rule_id,account,principal,resource,reason,expires\nTW-NET-01,1,,,,2026-12-31\n");

        CliRun r = CliRun.of("replay", "--suppressions", file.toString(), log.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderrLines())
                .containsExactly(
                        "trailwatch: suppression file "
                                + file
                                + ", line 2, column 'reason': is empty; say why this activity is known-good");
    }

    @Test
    void replaysIntoAnAlertFileAndSummarises() throws Exception {
        Path gen = dir.resolve("gen");
        assertThat(
                        CliRun.of(
                                        "generate",
                                        "--out",
                                        gen.toString(),
                                        "--events",
                                        "5000",
                                        "--seed",
                                        "5")
                                .status())
                .isZero();
        Path alerts = dir.resolve("alerts.jsonl");
        Path dead = dir.resolve("dead.jsonl");
        Files.writeString(gen.resolve("logs/notes.txt"), "not a log\n");

        CliRun r =
                CliRun.of(
                        "replay",
                        "--ownership",
                        gen.resolve("ownership.csv").toString(),
                        "--out",
                        alerts.toString(),
                        "--dead-letters",
                        dead.toString(),
                        gen.resolve("logs").toString());

        assertThat(r.status()).isZero();
        List<String> lines = Files.readAllLines(alerts);
        assertThat(lines).hasSize(1).allMatch(l -> l.contains("\"ruleId\":\"TW-OWN-01\""));
        assertThat(Files.readAllLines(dead))
                .hasSize(1)
                .allMatch(l -> l.contains("\"reason\":\"unrecognized-content\""));
        assertThat(r.stderr())
                .contains("Trailwatch replay summary")
                .containsPattern("CloudTrail records +1,500")
                .containsPattern("flow records +3,500")
                .containsPattern("dead letters +1 \\(written to " + dead + "\\)")
                .containsPattern("unrecognized-content +1")
                .containsPattern("TW-OWN-01 +MEDIUM +1")
                .contains("records/s")
                .containsPattern("peak heap +[0-9,]+ MB");
    }

    /**
     * Next to a valid CloudTrail log file: a dangling link, a loop of links, a link to the
     * directory above, a file nobody may read, a named pipe and a link to a device. Before, the
     * first of them failed the replay with a stack trace, and the pipe and the device hung it.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void pathsThatCannotBeReadAreSkippedWithALineEachAndTheRestIsReplayed() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs/sub"));
        copyResource("cloudtrail/log-file.json", logs.resolve("trail.json"));
        List<String> expected = new ArrayList<>();
        Path dangling =
                Files.createSymbolicLink(dir.resolve("logs/dangling.json"), Path.of("gone.json"));
        expected.add(dangling + ": dangling symbolic link (to gone.json)");
        Path one = Files.createSymbolicLink(dir.resolve("logs/loop-one"), Path.of("loop-two"));
        Path two = Files.createSymbolicLink(dir.resolve("logs/loop-two"), Path.of("loop-one"));
        expected.add(one + ": symbolic link loop");
        expected.add(two + ": symbolic link loop");
        Path up = Files.createSymbolicLink(logs.resolve("up"), Path.of(".."));
        expected.add(up + ": symbolic link loop (to .., a directory above it)");
        Path zero = Files.createSymbolicLink(dir.resolve("logs/zero"), Path.of("/dev/zero"));
        expected.add(zero + ": a character device, not a file");
        Path pipe = dir.resolve("logs/pipe");
        if (NamedPipes.create(pipe)) {
            expected.add(pipe + ": a named pipe (FIFO), not a file");
        }
        Path locked = Files.writeString(dir.resolve("logs/locked.json"), "{\"Records\":[]}");
        Files.setPosixFilePermissions(locked, Set.of());
        if (!Files.isReadable(locked)) {
            expected.add(locked + ": permission denied");
        }
        Path alerts = dir.resolve("alerts.jsonl");

        CliRun r = CliRun.of("replay", "--out", alerts.toString(), dir.resolve("logs").toString());

        assertThat(r.status()).isZero();
        assertThat(Files.readString(alerts)).contains("\"ruleId\":\"TW-NET-01\"");
        assertThat(r.stderrLines())
                .filteredOn(l -> l.startsWith("trailwatch: skipping "))
                .map(l -> l.substring("trailwatch: skipping ".length()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.stderr())
                .containsPattern("skipped paths +" + expected.size() + " ")
                .doesNotContain("Exception")
                .doesNotContainPattern("\\n\\s+at ");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void nothingReadableIsExit2WithOneLine() throws Exception {
        Path dangling = Files.createSymbolicLink(dir.resolve("logs.json"), Path.of("gone.json"));
        Path only = Files.createDirectories(dir.resolve("only-bad"));
        Files.createSymbolicLink(only.resolve("a.json"), Path.of("gone.json"));
        Files.createSymbolicLink(only.resolve("zero"), Path.of("/dev/zero"));

        CliRun one = CliRun.of("replay", dangling.toString());
        CliRun several = CliRun.of("replay", only.toString());

        assertThat(one.status()).isEqualTo(2);
        assertThat(one.stderrLines())
                .containsExactly(
                        "trailwatch: cannot read "
                                + dangling
                                + ": dangling symbolic link (to gone.json)");
        assertThat(several.status()).isEqualTo(2);
        assertThat(several.stderrLines())
                .containsExactly(
                        "trailwatch: no readable log files in ["
                                + only
                                + "]: "
                                + only.resolve("a.json")
                                + ": dangling symbolic link (to gone.json); "
                                + only.resolve("zero")
                                + ": a character device, not a file");
    }

    private static void copyResource(String name, Path to) throws Exception {
        try (InputStream in = ReplayCommandTest.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, to);
        }
    }
}
