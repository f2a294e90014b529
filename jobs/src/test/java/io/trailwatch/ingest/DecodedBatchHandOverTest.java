package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A decoder that hands its entries over every few entries gives what it gives in one batch per
 * record: the same entries in the same order, none lost or repeated at a boundary.
 */
class DecodedBatchHandOverTest {
    private static final Path SAMPLE_LOGS = Path.of("..", "sample-logs", "logs");

    @Test
    void handingOverEveryFewEntriesGivesTheSameEntriesInTheSameOrder() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SAMPLE_LOGS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        int entries = 0;
        for (Path file : files) {
            List<String> whole = decode(file, 0);
            entries += whole.size();
            for (int every : new int[] {1, 5, 64}) {
                assertThat(decode(file, every)).as(file + " every " + every).isEqualTo(whole);
            }
        }
        // the sample logs' CloudTrail and flow records, NODATA and SKIPDATA
        assertThat(entries).isEqualTo(1035 + 3219 + 3);
    }

    @Test
    void aKinesisPayloadIsHandedOverLikeAFile() throws IOException {
        byte[] payload =
                Files.readAllBytes(
                        Files.walk(SAMPLE_LOGS)
                                .filter(p -> p.toString().endsWith(".json.gz"))
                                .sorted()
                                .findFirst()
                                .orElseThrow());
        RawRecord raw =
                new RawRecord(
                        "stream/shard-0/seq-1", io.trailwatch.model.RawKind.UNKNOWN, payload, null);
        List<String> whole = entries(new RecordDecoder(), raw, 0);

        assertThat(whole).hasSizeGreaterThan(3);
        assertThat(entries(new RecordDecoder(), raw, 3)).isEqualTo(whole);
    }

    /** Every entry of a file as the replay source reads it; {@code every} 0: no hand-over. */
    private static List<String> decode(Path file, int every) throws IOException {
        RecordDecoder decoder = new RecordDecoder();
        List<String> out = new ArrayList<>();
        if (every > 0) {
            decoder.handOverEvery(every, batch -> describe(batch, out));
        }
        try (InputStream in = Files.newInputStream(file);
                LogFileScanner scanner =
                        new LogFileScanner(in, file.toString(), DecodeLimits.defaults())) {
            RawRecord r;
            while ((r = scanner.next()) != null) {
                describe(decoder.decode(r), out);
            }
        }
        return out;
    }

    private static List<String> entries(RecordDecoder decoder, RawRecord raw, int every) {
        List<String> out = new ArrayList<>();
        if (every > 0) {
            decoder.handOverEvery(every, batch -> describe(batch, out));
        }
        describe(decoder.decode(raw), out);
        return out;
    }

    private static void describe(DecodedBatch batch, List<String> out) {
        for (int i = 0; i < batch.size(); i++) {
            switch (batch.kind(i)) {
                case CLOUDTRAIL:
                    out.add("event " + batch.cloudTrail(i).eventId);
                    break;
                case FLOW:
                    out.add(
                            "flow "
                                    + batch.flow(i).interfaceId
                                    + " "
                                    + batch.flow(i).srcAddr
                                    + " "
                                    + batch.flow(i).eventTime);
                    break;
                case SKIPPED:
                    out.add("skipped " + batch.skipped(i) + " " + batch.skipOrigin(i));
                    break;
                default:
                    out.add(
                            "dead letter "
                                    + batch.deadLetter(i).reason
                                    + " "
                                    + batch.deadLetter(i).origin);
            }
        }
    }
}
