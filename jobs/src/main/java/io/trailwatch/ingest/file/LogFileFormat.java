package io.trailwatch.ingest.file;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.FlowLogFormat;
import io.trailwatch.ingest.LogFileScanner;
import io.trailwatch.ingest.paths.DeclaredFlowFormats;
import io.trailwatch.model.RawRecord;
import io.trailwatch.model.flink.RawRecordTypeInfo;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;

/**
 * Reads whole log files (never split: gzip and JSON documents cannot be) as raw records. It opens
 * the files itself so that gzip is recognised by content rather than by the {@code .gz} extension.
 */
public class LogFileFormat implements BulkFormat<RawRecord, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH_SIZE = 256;

    private final DecodeLimits limits;
    private final DeclaredFlowFormats flowFormats;

    public LogFileFormat(DecodeLimits limits) {
        this(limits, DeclaredFlowFormats.NONE);
    }

    /**
     * @param flowFormats the formats declared for flow lines that come without a header line
     */
    public LogFileFormat(DecodeLimits limits, DeclaredFlowFormats flowFormats) {
        this.limits = limits;
        this.flowFormats = flowFormats;
    }

    /** The format declared for the file's flow lines if it has no header line, or {@code null}. */
    static FlowLogFormat declaredFor(
            DeclaredFlowFormats formats, org.apache.flink.core.fs.Path file) {
        String declared = formats.forFile(Path.of(file.toUri()));
        return declared == null ? null : FlowLogFormat.parseHeader(declared);
    }

    @Override
    public Reader<RawRecord> createReader(Configuration config, FileSourceSplit split)
            throws IOException {
        return new FileReader(split, 0);
    }

    @Override
    public Reader<RawRecord> restoreReader(Configuration config, FileSourceSplit split)
            throws IOException {
        long skip =
                split.getReaderPosition()
                        .map(CheckpointedPosition::getRecordsAfterOffset)
                        .orElse(0L);
        return new FileReader(split, skip);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return RawRecordTypeInfo.INSTANCE;
    }

    private final class FileReader implements Reader<RawRecord> {
        /** Null when the file cannot be opened. */
        private final LogFileScanner scanner;

        /** The dead letter saying that it cannot, until it has been read. */
        private RawRecord cannotOpen;

        private long emitted;

        FileReader(FileSourceSplit split, long skip) {
            String name = split.path().getPath();
            LogFileScanner opened = null;
            try {
                opened =
                        new LogFileScanner(
                                split.path().getFileSystem().open(split.path()),
                                name,
                                limits,
                                declaredFor(flowFormats, split.path()));
            } catch (IOException e) {
                // gone or unreadable since the replay found it: a dead letter, not a failed job
                cannotOpen =
                        RawRecord.sourceError(
                                name,
                                "read-error",
                                "cannot open the file: " + e.getMessage(),
                                new byte[0]);
            }
            this.scanner = opened;
            while (scanner != null && emitted < skip && scanner.next() != null) {
                emitted++;
            }
        }

        @Override
        public RecordIterator<RawRecord> readBatch() {
            RawRecord[] batch = new RawRecord[scanner == null ? 1 : BATCH_SIZE];
            int n = 0;
            if (scanner == null) {
                if (cannotOpen != null) {
                    batch[n++] = cannotOpen;
                    cannotOpen = null;
                }
            } else {
                RawRecord r;
                while (n < BATCH_SIZE && (r = scanner.next()) != null) {
                    batch[n++] = r;
                }
            }
            if (n == 0) {
                return null;
            }
            ArrayResultIterator<RawRecord> it = new ArrayResultIterator<>();
            it.set(batch, n, CheckpointedPosition.NO_OFFSET, emitted);
            emitted += n;
            return it;
        }

        @Override
        public void close() throws IOException {
            if (scanner != null) {
                scanner.close();
            }
        }
    }
}
