package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay leaves nothing in the temporary directory: not when it ends, not when its job fails, not
 * when it is stopped. Each replay runs in a JVM of its own, as from the command line, with {@code
 * java.io.tmpdir} a directory of the test's; before, each left the 21 MB jar of Flink's RPC system
 * there, and the working directories of its embedded cluster.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplayTemporaryFilesTest {
    @TempDir Path dir;

    private Path tmp;
    private Path log;

    @BeforeEach
    void inputs() throws IOException {
        tmp = Files.createDirectories(dir.resolve("tmp"));
        log = dir.resolve("trail.json");
        try (InputStream in = getClass().getResourceAsStream("/cloudtrail/log-file.json")) {
            Files.copy(in, log);
        }
    }

    @Test
    void aReplayLeavesNothingBehind() throws Exception {
        Process replay = replay("--out", dir.resolve("alerts.jsonl").toString(), log.toString());

        assertThat(replay.waitFor()).as(output()).isZero();
        assertThat(Files.readString(dir.resolve("alerts.jsonl"))).contains("TW-NET-01");
        assertThat(entries(tmp)).isEmpty();
    }

    @Test
    void aReplayWhoseJobFailsLeavesNothingBehind() throws Exception {
        // the alert file cannot be opened for writing: the job fails once the cluster is up
        Path notAFile = Files.createDirectories(dir.resolve("alerts.jsonl"));

        Process replay = replay("--out", notAFile.toString(), log.toString());

        assertThat(replay.waitFor()).as(output()).isEqualTo(TrailwatchCli.EXIT_JOB_FAILED);
        assertThat(output()).contains("trailwatch: the replay job failed");
        assertThat(entries(tmp)).isEmpty();
    }

    @Test
    void aReplayStoppedWhileItRunsLeavesNothingBehind() throws Exception {
        Path logs = dir.resolve("generated");
        assertThat(TrailwatchCli.run("generate", "--out", logs.toString(), "--events", "200000"))
                .isZero();
        Process replay =
                replay(
                        "--out",
                        dir.resolve("alerts.jsonl").toString(),
                        logs.resolve("logs").toString());
        while (replay.isAlive() && !clusterStarted()) {
            Thread.sleep(20);
        }
        assertThat(replay.isAlive()).as(output()).isTrue();

        replay.destroy(); // SIGTERM: the JVM shuts down as on Ctrl-C

        assertThat(replay.waitFor()).as(output()).isNotZero();
        assertThat(entries(tmp)).isEmpty();
    }

    private Process replay(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--add-opens")) {
                command.add(option);
            }
        }
        command.add("-Xmx512m");
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TrailwatchCli.class.getName());
        command.add("replay");
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile())
                .start();
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("output.txt"));
    }

    /** Whether the replay's embedded cluster has made its working directory. */
    private boolean clusterStarted() {
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.anyMatch(p -> p.getFileName().toString().startsWith("minicluster_"));
        } catch (IOException | UncheckedIOException changing) {
            return false;
        }
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
