package io.trailwatch.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileFormatTest {
    @TempDir java.nio.file.Path dir;

    private final LogFileFormat format = new LogFileFormat(DecodeLimits.defaults());

    @Test
    void aFileThatCannotBeOpenedAnyMoreIsOneDeadLetterNotAFailedJob() throws Exception {
        java.nio.file.Path gone = dir.resolve("gone.json");
        FileSourceSplit split = new FileSourceSplit("0", new Path(gone.toUri()), 0, 0, 0, 0);

        List<RawRecord> read = readAll(format.createReader(new Configuration(), split));

        assertThat(read).hasSize(1);
        RawRecord deadLetter = read.get(0);
        assertThat(deadLetter.kind).isEqualTo(RawKind.SOURCE_ERROR);
        assertThat(deadLetter.origin).isEqualTo(gone.toString());
        assertThat(deadLetter.errorReason).isEqualTo("read-error");
        assertThat(deadLetter.errorDetail)
                .startsWith("cannot open the file: ")
                .contains(gone.toString());
    }

    @Test
    void aFileThatOpensIsReadAsBefore() throws Exception {
        java.nio.file.Path file =
                Files.writeString(
                        dir.resolve("flows.log"),
                        "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.3.14 198.51.100.90 49152 443 6 10"
                                + " 840 1760438400 1760438460 ACCEPT OK\n");
        FileSourceSplit split = new FileSourceSplit("0", new Path(file.toUri()), 0, 0, 0, 0);

        List<RawRecord> read = readAll(format.createReader(new Configuration(), split));

        assertThat(read).extracting(r -> r.kind).containsExactly(RawKind.FLOW_LINE);
    }

    private static List<RawRecord> readAll(BulkFormat.Reader<RawRecord> reader) throws Exception {
        List<RawRecord> all = new ArrayList<>();
        try (reader) {
            BulkFormat.RecordIterator<RawRecord> batch;
            while ((batch = reader.readBatch()) != null) {
                RecordAndPosition<RawRecord> r;
                while ((r = batch.next()) != null) {
                    all.add(r.getRecord());
                }
                batch.releaseBatch();
            }
        }
        return all;
    }
}
