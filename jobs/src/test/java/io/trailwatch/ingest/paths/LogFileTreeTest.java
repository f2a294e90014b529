package io.trailwatch.ingest.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trailwatch.testing.NamedPipes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LogFileTreeTest {
    @TempDir Path dir;

    @Test
    void findsRegularFilesRecursivelyAndLeavesOutHiddenNamesBelowThePathsGiven() throws Exception {
        Path a = file("logs/2026/10/14/a.json");
        Path b = file("logs/2026/10/15/b.log.gz");
        file("logs/.git/config");
        file("logs/_SUCCESS");
        file("logs/2026/.partial.json");
        Path given = file("_given.json");

        LogFileTree tree = LogFileTree.walk(List.of(dir.resolve("logs"), given));

        assertThat(tree.files()).containsExactly(a, b, given);
        assertThat(tree.skipped()).isEmpty();
        assertThat(tree.bytes()).isEqualTo(3 * "{\"Records\":[]}".length());
    }

    @Test
    void aDanglingLinkIsSkippedNamingWhereItPoints() throws Exception {
        Path valid = file("logs/a.json");
        Path dangling = Files.createSymbolicLink(dir.resolve("logs/b.json"), Path.of("gone.json"));

        LogFileTree tree = LogFileTree.walk(List.of(dir.resolve("logs")));

        assertThat(tree.files()).containsExactly(valid);
        assertThat(tree.skipped())
                .containsExactly(
                        new SkippedPath(dangling, "dangling symbolic link (to gone.json)"));
    }

    @Test
    void aLoopOfLinksIsSkipped() throws Exception {
        Path valid = file("logs/a.json");
        Path one = Files.createSymbolicLink(dir.resolve("logs/one"), Path.of("two"));
        Path two = Files.createSymbolicLink(dir.resolve("logs/two"), Path.of("one"));

        LogFileTree tree = LogFileTree.walk(List.of(dir.resolve("logs")));

        assertThat(tree.files()).containsExactly(valid);
        assertThat(tree.skipped())
                .containsExactly(
                        new SkippedPath(one, "symbolic link loop"),
                        new SkippedPath(two, "symbolic link loop"));
    }

    @Test
    void aLinkToADirectoryAboveIsALoopAndIsNotFollowed() throws Exception {
        Path valid = file("logs/sub/a.json");
        Path up = Files.createSymbolicLink(dir.resolve("logs/sub/up"), Path.of(".."));
        Path out = Files.createSymbolicLink(dir.resolve("logs/sub/out"), Path.of("../.."));

        LogFileTree tree = LogFileTree.walk(List.of(dir.resolve("logs")));

        assertThat(tree.files()).containsExactly(valid);
        assertThat(tree.skipped())
                .containsExactly(
                        new SkippedPath(out, "symbolic link loop (to ../.., a directory above it)"),
                        new SkippedPath(up, "symbolic link loop (to .., a directory above it)"));
    }

    @Test
    void aDirectoryIsReadOnceAtItsOwnPathWhateverLinksLeadToIt() throws Exception {
        Path real = file("logs/real/a.json");
        Files.createSymbolicLink(dir.resolve("logs/alias"), Path.of("real"));
        Files.createSymbolicLink(dir.resolve("logs/latest"), Path.of("real"));
        Path outside = file("elsewhere/b.json");
        Path linked = Files.createSymbolicLink(dir.resolve("logs/more"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("logs/more-again"), dir.resolve("elsewhere"));
        Path same = Files.createSymbolicLink(dir.resolve("logs/same.json"), real);

        LogFileTree tree = LogFileTree.walk(List.of(dir.resolve("logs"), dir.resolve("logs")));

        assertThat(tree.files())
                .containsExactly(real, linked.resolve(outside.getFileName()))
                .doesNotContain(same);
        assertThat(tree.skipped()).isEmpty();
    }

    @Test
    void aLinkGivenIsFollowed() throws Exception {
        Path a = file("elsewhere/a.json");
        Path link = Files.createSymbolicLink(dir.resolve("logs"), dir.resolve("elsewhere"));

        LogFileTree tree = LogFileTree.walk(List.of(link));

        assertThat(tree.files()).containsExactly(link.resolve(a.getFileName()));
    }

    @Test
    void pipesAndDevicesAreSkippedWithoutBeingOpened() throws Exception {
        Path valid = file("logs/a.json");
        Path pipe = dir.resolve("logs/pipe");
        assumeTrue(NamedPipes.create(pipe), "mkfifo is not available");
        Path zero = Files.createSymbolicLink(dir.resolve("logs/zero"), Path.of("/dev/zero"));

        LogFileTree tree = LogFileTree.walk(List.of(dir.resolve("logs")));

        assertThat(tree.files()).containsExactly(valid);
        assertThat(tree.skipped())
                .containsExactly(
                        new SkippedPath(pipe, "a named pipe (FIFO), not a file"),
                        new SkippedPath(zero, "a character device, not a file"));
    }

    @Test
    void aMissingPathGivenIsSkipped() throws Exception {
        Path valid = file("a.json");
        Path missing = dir.resolve("b.json");

        LogFileTree tree = LogFileTree.walk(List.of(valid, missing));

        assertThat(tree.files()).containsExactly(valid);
        assertThat(tree.skipped())
                .containsExactly(new SkippedPath(missing, "no such file or directory"));
    }

    @Test
    void unreadableFilesAndDirectoriesAreSkipped() throws Exception {
        Path valid = file("logs/a.json");
        Path locked = file("logs/b.json");
        Path closed = file("logs/closed/c.json").getParent();
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(opens(locked), "permissions do not hold here (run as root)");

            LogFileTree tree = LogFileTree.walk(List.of(dir.resolve("logs")));

            assertThat(tree.files()).containsExactly(valid);
            assertThat(tree.skipped())
                    .containsExactly(
                            new SkippedPath(locked, "permission denied"),
                            new SkippedPath(closed, "permission denied"));
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void flowFormatFilesAreNotedNotTakenForLogFiles() throws Exception {
        Path a = file("logs/tgw/a.log");
        Path b = file("logs/vpc/2026/b.log");
        Path inLogs = file("logs/vpc/" + FlowFormatFile.NAME);
        Path inSub = file("logs/vpc/2026/" + FlowFormatFile.NAME);
        Path given = file("other/c.log");
        Path besideGiven = file("other/" + FlowFormatFile.NAME);
        file("elsewhere/" + FlowFormatFile.NAME);

        LogFileTree tree = LogFileTree.walk(List.of(dir.resolve("logs"), given));

        assertThat(tree.files()).containsExactly(a, b, given);
        assertThat(tree.flowFormatFiles()).containsExactly(inLogs, inSub, besideGiven);
        assertThat(tree.skipped()).isEmpty();
    }

    private Path file(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{\"Records\":[]}");
    }

    private static boolean opens(Path file) {
        try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.READ)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
