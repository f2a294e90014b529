package io.trailwatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.ingest.ContentSniffer;
import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.EventTimeRange;
import io.trailwatch.ingest.FlowLogFormat;
import io.trailwatch.ingest.LogFileScanner;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.ingest.paths.LogFileTree;
import io.trailwatch.ingest.paths.SkippedPath;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
import io.trailwatch.ownership.TrustedCidrLimit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Coverage-guided fuzzing of everything that reads untrusted input. No input may throw out of a
 * decoder (the decoder's own safety net, the "decoder-error" dead letter, counts as a failure
 * here), hang it, or produce a record without its required fields. Without JAZZER_FUZZ set these
 * run the seed corpus under src/test/resources/io/trailwatch/fuzz as regression tests; `.ci/run`
 * fuzzes each briefly.
 */
class DecoderFuzzTest {
    private static final DecodeLimits LIMITS = smallLimits();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One decoder for every execution, as a task keeps one for every record: a decoder that carried
     * anything over from one input to the next would show here.
     */
    private static final RecordDecoder DECODER =
            new RecordDecoder(LIMITS, FlowLogFormat.DEFAULT_V2);

    private static final EventTimeRange EVENT_TIMES =
            EventTimeRange.upTo(LIMITS.eventTimeHorizon.plusHours(1));

    @FuzzTest(maxDuration = "20s")
    void kinesisRecord(byte[] payload) {
        if (payload == null) {
            return;
        }
        check(DECODER.decode(new RawRecord("fuzz", RawKind.UNKNOWN, payload, null)));
    }

    @FuzzTest(maxDuration = "20s")
    void cloudTrailJson(byte[] json) {
        if (json == null) {
            return;
        }
        check(DECODER.decode(new RawRecord("fuzz", RawKind.JSON, json, null)));
    }

    @FuzzTest(maxDuration = "20s")
    void logFile(byte[] file) throws IOException {
        if (file == null) {
            return;
        }
        RecordDecoder decoder = DECODER;
        try (LogFileScanner scanner =
                new LogFileScanner(new ByteArrayInputStream(file), "fuzz", LIMITS)) {
            RawRecord r;
            int records = 0;
            while ((r = scanner.next()) != null) {
                assertThat(++records)
                        .as("records from a %d-byte file", file.length)
                        .isLessThanOrEqualTo(file.length + 1);
                RawKind kind = r.kind;
                int lines =
                        kind == RawKind.FLOW_LINES
                                ? lines(r, false)
                                : kind == RawKind.JSON_LINES ? lines(r, true) : 0;
                DecodedBatch decoded = decoder.decode(r);
                check(decoded);
                // conservation: every line of a run is accounted for, by at least one entry
                // (exactly one for flow lines; a JSON line may hold several values, and a
                // CloudTrail log file whose Records array is empty holds no record to account for)
                if (kind == RawKind.FLOW_LINES) {
                    assertThat(decoded.size())
                            .as("entries of %d flow lines", lines)
                            .isEqualTo(lines);
                } else if (kind == RawKind.JSON_LINES) {
                    assertThat(decoded.size())
                            .as("entries of %d JSON lines", lines)
                            .isGreaterThanOrEqualTo(lines);
                }
            }
        }
    }

    /**
     * Random trees of damaged files, directories and symbolic links (to files, to directories above
     * them, to each other, to nothing): the walk ends, takes every reachable regular file once and
     * skips nothing else silently but hidden names and second paths to what it has, and every line
     * of every file it takes is accounted for by the decoder.
     */
    @FuzzTest(maxDuration = "20s")
    void logFileTree(FuzzedDataProvider data) throws IOException {
        Path root = Files.createTempDirectory("trailwatch-fuzz-tree");
        try {
            List<Path> dirs = new ArrayList<>(List.of(root));
            List<Path> all = new ArrayList<>();
            int entries = data.consumeInt(0, 12);
            for (int i = 0; i < entries; i++) {
                Path parent = dirs.get(data.consumeInt(0, dirs.size() - 1));
                Path entry = parent.resolve("e" + i);
                switch (data.consumeInt(0, 3)) {
                    case 0:
                        Files.createDirectory(entry);
                        dirs.add(entry);
                        break;
                    case 1:
                        Path target =
                                all.isEmpty() || data.consumeBoolean()
                                        ? parent.resolve("missing" + i)
                                        : all.get(data.consumeInt(0, all.size() - 1));
                        Files.createSymbolicLink(entry, target);
                        break;
                    case 2:
                        Files.createSymbolicLink(
                                entry, dirs.get(data.consumeInt(0, dirs.size() - 1)));
                        break;
                    default:
                        byte[] content = data.consumeBytes(4096);
                        Files.write(
                                entry, data.consumeBoolean() ? gzipCut(content, data) : content);
                }
                all.add(entry);
            }

            LogFileTree tree = LogFileTree.walk(List.of(root));

            Set<Path> taken = new HashSet<>();
            for (Path file : tree.files()) {
                assertThat(taken.add(file.toRealPath())).as("%s taken once", file).isTrue();
            }
            for (Path entry : all) {
                if (Files.isRegularFile(entry)) {
                    assertThat(taken)
                            .as("regular file %s taken", entry)
                            .contains(entry.toRealPath());
                }
            }
            for (SkippedPath skipped : tree.skipped()) {
                assertThat(Files.isRegularFile(skipped.path())).as("skipped %s", skipped).isFalse();
                assertThat(skipped.reason()).isNotBlank();
            }
            for (Path file : tree.files()) {
                logFile(Files.readAllBytes(file));
            }
        } finally {
            deleteTree(root);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void flowLine(FuzzedDataProvider data) {
        String header = data.consumeString(400);
        String line = data.consumeRemainingAsString();
        RawRecord r =
                new RawRecord(
                        "fuzz",
                        RawKind.FLOW_LINE,
                        line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        header.isBlank() ? null : header);
        check(DECODER.decode(r));
    }

    /** A file's bytes, as the table's reader gets them: not necessarily UTF-8. */
    @FuzzTest(maxDuration = "20s")
    void ownershipTable(byte[] csv) {
        if (csv == null) {
            return; // Jazzer's empty input
        }
        try {
            OwnershipTableParser.parse(csv, "fuzz.csv", TrustedCidrLimit.DEFAULT);
        } catch (OwnershipTableException expected) {
            // One line, of a size to read: replay prints it as its only line.
            assertThat(expected.getMessage())
                    .startsWith("ownership table fuzz.csv")
                    .doesNotContain("\n", "\r")
                    .hasSizeLessThan(1000);
        }
    }

    /** Gzip of the content, cut where the fuzzer says (or whole). */
    private static byte[] gzipCut(byte[] content, FuzzedDataProvider data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        byte[] gz = out.toByteArray();
        return Arrays.copyOf(gz, data.consumeInt(0, gz.length));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Lines of a run that hold something (not only whitespace or a byte-order mark); with {@code
     * json}, not counting CloudTrail log files whose Records array is empty.
     */
    private static int lines(RawRecord run, boolean json) {
        byte[] data = run.payload;
        int lines = 0;
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                if (ContentSniffer.firstSignificantByte(data, start, i) >= 0
                        && !(json && isEmptyLogFile(data, start, i))) {
                    lines++;
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isEmptyLogFile(byte[] data, int from, int to) {
        try {
            JsonNode value = JSON.readTree(Arrays.copyOfRange(data, from, to));
            JsonNode records = value == null ? null : value.get("Records");
            return records != null && records.isArray() && records.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static DecodeLimits smallLimits() {
        DecodeLimits limits = DecodeLimits.defaults();
        // small limits, so that inputs at and past each stay small and the fuzzer fast
        limits.maxLineBytes = 16 * 1024;
        limits.maxDocumentBytes = 64 * 1024;
        limits.maxDecompressedBytes = 256 * 1024;
        limits.maxJsonDepth = 64;
        limits.maxJsonNumberLength = 100;
        limits.maxJsonNameLength = 256;
        return limits;
    }

    /** Fails on the decoder's safety net and on records missing what every consumer relies on. */
    private static void check(DecodedBatch decoded) {
        for (int i = 0; i < decoded.size(); i++) {
            switch (decoded.kind(i)) {
                case CLOUDTRAIL:
                    CloudTrailEvent e = decoded.cloudTrail(i);
                    assertThat(e.eventId).isNotNull();
                    assertThat(e.eventName).isNotNull();
                    assertThat(e.eventSource).isNotNull();
                    assertThat(e.origin).isNotNull();
                    assertThat(EVENT_TIMES.contains(e.eventTime))
                            .as("eventTime %d in range", e.eventTime)
                            .isTrue();
                    break;
                case FLOW:
                    FlowRecord f = decoded.flow(i);
                    assertThat(f.start != null || f.end != null).isTrue();
                    assertThat(f.origin).isNotNull();
                    assertThat(EVENT_TIMES.contains(f.eventTime))
                            .as("flow time %d in range", f.eventTime)
                            .isTrue();
                    break;
                case SKIPPED:
                    break;
                default:
                    DeadLetter d = decoded.deadLetter(i);
                    assertThat(d.reason)
                            .as("dead letter %s: %s", d.reason, d.detail)
                            .isNotEqualTo("decoder-error")
                            .isNotBlank();
                    assertThat(d.excerpt)
                            .hasSizeLessThanOrEqualTo(io.trailwatch.ingest.Excerpt.MAX_CHARS + 1);
            }
        }
    }
}
