package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaying flow log files that come without a header line, as CloudWatch Logs delivers them: the
 * formats AWS writes whole, {@code .flow-format} files and {@code --flow-format}.
 */
class ReplayFlowFormatTest {
    private static final String ALL_V5_AS_AWS_WRITES_IT =
            "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport}"
                    + " ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}"
                    + " ${vpc-id} ${subnet-id} ${instance-id} ${tcp-flags} ${type} ${pkt-srcaddr}"
                    + " ${pkt-dstaddr} ${region} ${az-id} ${sublocation-type} ${sublocation-id}"
                    + " ${pkt-src-aws-service} ${pkt-dst-aws-service} ${flow-direction}"
                    + " ${traffic-path}";

    @TempDir Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void directoriesOfHeaderlessLinesInSeveralFormatsReplayWithoutADeadLetter() throws Exception {
        Path logs = dir.resolve("logs");
        write(logs.resolve("v5/.flow-format"), "# from the console\n" + ALL_V5_AS_AWS_WRITES_IT);
        copyResource("flow/headerless-all-v5.log", logs.resolve("v5/a.log"));
        copyResource("flow/headerless-tgw-default.log", logs.resolve("tgw/a.log"));
        copyResource("flow/headerless-all-v7-ecs.log", logs.resolve("ecs/a.log"));
        write(
                logs.resolve("custom/.flow-format"),
                "version srcaddr dstaddr srcport dstport protocol start end action log-status"
                        + " account-id\n");
        write(
                logs.resolve("custom/a.log"),
                "5 198.51.100.7 10.0.0.5 40000 22 6 1760437560 1760437620 REJECT OK 123456789012\n"
                        + "5 10.0.0.5 198.51.100.7 22 40000 6 1760437560 1760437620 ACCEPT OK"
                        + " 123456789012\n");
        write(
                logs.resolve("custom/headed.log"),
                "version account-id action srcaddr dstaddr srcport dstport start log-status\n"
                        + "5 123456789012 ACCEPT 10.0.0.5 198.51.100.7 22 40000 1760437560 OK\n");
        write(
                logs.resolve("custom/eu/.flow-format"),
                "account-id version action srcaddr dstaddr srcport dstport protocol start end"
                        + " log-status\n");
        write(
                logs.resolve("custom/eu/2026/b.log"),
                "123456789012 5 REJECT 203.0.113.9 10.0.0.6 41000 3389 6 1760437570 1760437630"
                        + " OK\n");
        Path dead = dir.resolve("dead.jsonl");

        CliRun r =
                CliRun.of(
                        "replay",
                        "--out",
                        dir.resolve("alerts.jsonl").toString(),
                        "--dead-letters",
                        dead.toString(),
                        logs.toString());

        assertThat(r.status()).isZero();
        assertThat(Files.exists(dead) ? Files.readAllLines(dead) : java.util.List.of()).isEmpty();
        // v5 3, transit gateway 3, ECS 2, custom 2 + 1 with its own header + 1 nested
        assertThat(r.stderr())
                .containsPattern("input files +6 ")
                .containsPattern("flow records +12 \\(\\+ 2 NODATA")
                .containsPattern("records seen +14 = 12 decoded \\+ 0 dead letters \\+ 2 skipped")
                .containsPattern("dead letters +0");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFlowFormatGivenOnTheCommandLineReadsASingleFile() throws Exception {
        Path file =
                write(
                        dir.resolve("single/flows.log"),
                        "5 123456789012 198.51.100.7 10.0.0.5 40000 22 6 2 1760437560 1760437620"
                                + " REJECT OK\n"
                                + "5 123456789012 10.0.0.5 198.51.100.7 22 40000 6 18 1760437560"
                                + " 1760437620 ACCEPT OK\n");

        CliRun r =
                CliRun.of(
                        "replay",
                        "--out",
                        dir.resolve("alerts.jsonl").toString(),
                        "--flow-format",
                        "version account-id srcaddr dstaddr srcport dstport protocol tcp-flag"
                                + " start end action log-status",
                        file.toString());

        assertThat(r.status()).isZero();
        assertThat(r.stderrLines())
                .contains(
                        "trailwatch: --flow-format: 'tcp-flag' is not a flow log field Trailwatch"
                                + " knows; its column is left out");
        assertThat(r.stderr())
                .containsPattern("flow records +2 ")
                .containsPattern("dead letters +0");
    }

    @Test
    void aFlowFormatThatCannotBeOneIsExit2WithOneLine() throws Exception {
        Path file = write(dir.resolve("flows.log"), "2 1 eni-1 - - - - - - - 1 2 - NODATA\n");

        CliRun notNames = CliRun.of("replay", "--flow-format", "version,srcaddr", file.toString());
        CliRun twice =
                CliRun.of(
                        "replay",
                        "--flow-format",
                        "${srcaddr} ${start} ${srcaddr}",
                        file.toString());

        assertThat(notNames.status()).isEqualTo(2);
        assertThat(notNames.stderrLines())
                .containsExactly(
                        "trailwatch: --flow-format: 'version,srcaddr' is not a flow log format"
                                + " (space-separated field names such as 'version account-id"
                                + " interface-id ...')");
        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.stderrLines())
                .containsExactly(
                        "trailwatch: --flow-format: the flow log format names field 'srcaddr'"
                                + " twice, so which value is which cannot be known: srcaddr start"
                                + " srcaddr");
    }

    @Test
    void aFlowFormatFileThatCannotBeOneIsExit2NamingTheFileAndLine() throws Exception {
        write(dir.resolve("logs/vpc-a/a.log"), "2 1 eni-1 - - - - - - - 1 2 - NODATA\n");
        Path sidecar =
                write(
                        dir.resolve("logs/vpc-a/.flow-format"),
                        "# vpc-a's flow log\nversion account-id srcaddr\nversion dstaddr\n");

        CliRun r = CliRun.of("replay", dir.resolve("logs").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderrLines())
                .containsExactly(
                        "trailwatch: flow format file "
                                + sidecar
                                + ", line 3: a second format line; the file holds one line of"
                                + " field names");
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void copyResource(String name, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        try (InputStream in =
                ReplayFlowFormatTest.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, to);
        }
    }
}
