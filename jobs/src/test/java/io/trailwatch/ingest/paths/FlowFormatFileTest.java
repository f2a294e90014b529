package io.trailwatch.ingest.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowFormatFileTest {
    @TempDir Path dir;

    @Test
    void oneLineOfFieldNamesBetweenCommentsAndBlankLines() throws Exception {
        Path file =
                write(
                        "vpc/.flow-format",
                        "\uFEFF# the custom format of vpc-0aa11bb22cc33dd44's flow log\r\n"
                                + "\r\n"
                                + "  ${version} ${account-id} ${srcaddr} ${dstaddr} ${start}"
                                + " ${log-status}  \r\n"
                                + "# end\n");

        assertThat(FlowFormatFile.read(file))
                .isEqualTo("${version} ${account-id} ${srcaddr} ${dstaddr} ${start} ${log-status}");
    }

    @Test
    void whatCannotBeAFormatNamesTheFileAndLine() throws Exception {
        Path notNames = write("a/.flow-format", "# fields\nversion account-id, srcaddr\n");
        Path twice = write("b/.flow-format", "version srcaddr srcaddr\n");
        Path two = write("c/.flow-format", "version srcaddr\n\nversion dstaddr\n");
        Path empty = write("d/.flow-format", "# nothing yet\n\n");
        Path binary = write("e/.flow-format", "version \u0000");
        Files.write(binary, new byte[] {'v', ' ', (byte) 0xfe});

        assertThat(problem(notNames))
                .isEqualTo(
                        "flow format file "
                                + notNames
                                + ", line 2: 'version account-id, srcaddr' is not a flow log"
                                + " format (space-separated field names such as 'version"
                                + " account-id interface-id ...')");
        assertThat(problem(twice))
                .isEqualTo(
                        "flow format file "
                                + twice
                                + ", line 1: the flow log format names field 'srcaddr' twice, so"
                                + " which value is which cannot be known: version srcaddr srcaddr");
        assertThat(problem(two))
                .isEqualTo(
                        "flow format file "
                                + two
                                + ", line 3: a second format line; the file holds one line of"
                                + " field names");
        assertThat(problem(empty))
                .isEqualTo(
                        "flow format file "
                                + empty
                                + ": holds no field names (one line such as 'version account-id"
                                + " interface-id ...')");
        assertThat(problem(binary)).isEqualTo("flow format file " + binary + ": not UTF-8 text");
    }

    @Test
    void onlyARegularFileOfBoundedSizeIsRead() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("f/.flow-format"));
        Path large = write("g/.flow-format", "version " + "x".repeat(FlowFormatFile.MAX_BYTES));

        assertThat(problem(directory))
                .isEqualTo("flow format file " + directory + ": not a regular file");
        assertThat(problem(large))
                .isEqualTo(
                        "flow format file "
                                + large
                                + ": larger than 64 KiB; it holds one line of field names");
    }

    @Test
    void theNearestDeclarationWinsAndTheReplaysOwnHoldsElsewhere() throws Exception {
        Path vpc = write("logs/vpc/.flow-format", "version srcaddr dstaddr start log-status\n");
        Path nested =
                write("logs/vpc/eu/.flow-format", "version dstaddr srcaddr start log-status\n");

        DeclaredFlowFormats formats =
                DeclaredFlowFormats.of("version account-id srcaddr start", List.of(vpc, nested));

        assertThat(formats.forFile(dir.resolve("logs/vpc/a.log")))
                .isEqualTo("version srcaddr dstaddr start log-status");
        assertThat(formats.forFile(dir.resolve("logs/vpc/us/2026/b.log")))
                .isEqualTo("version srcaddr dstaddr start log-status");
        assertThat(formats.forFile(dir.resolve("logs/vpc/eu/2026/c.log")))
                .isEqualTo("version dstaddr srcaddr start log-status");
        assertThat(formats.forFile(dir.resolve("logs/vpc/eu/../d.log")))
                .isEqualTo("version srcaddr dstaddr start log-status");
        assertThat(formats.forFile(dir.resolve("logs/tgw/e.log")))
                .isEqualTo("version account-id srcaddr start");
        assertThat(DeclaredFlowFormats.of(null, List.of(vpc)).forFile(dir.resolve("f.log")))
                .isNull();
    }

    @Test
    void aBadDeclarationAmongOthersIsTheOneNamed() throws Exception {
        Path good = write("a/.flow-format", "version srcaddr\n");
        Path bad = write("b/.flow-format", "\n\nsrcaddr=1\n");

        assertThatThrownBy(() -> DeclaredFlowFormats.of(null, List.of(good, bad)))
                .isInstanceOf(FlowFormatFileException.class)
                .hasMessageStartingWith("flow format file " + bad + ", line 3: 'srcaddr=1'");
    }

    private String problem(Path file) {
        try {
            FlowFormatFile.read(file);
        } catch (FlowFormatFileException e) {
            return e.getMessage();
        }
        throw new AssertionError(file + " was read");
    }

    private Path write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
