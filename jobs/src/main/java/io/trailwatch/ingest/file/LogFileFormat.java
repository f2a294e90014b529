package io.trailwatch.ingest.file;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.LogFileScanner;
import io.trailwatch.model.RawRecord;
import io.trailwatch.model.flink.RawRecordTypeInfo;
import java.io.IOException;
import java.io.InputStream;
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

    public LogFileFormat(DecodeLimits limits) {
        this.limits = limits;
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
        private final LogFileScanner scanner;
        private long emitted;

        FileReader(FileSourceSplit split, long skip) throws IOException {
            String name = split.path().getPath();
            InputStream in = split.path().getFileSystem().open(split.path());
            this.scanner = new LogFileScanner(in, name, limits);
            while (emitted < skip && scanner.next() != null) {
                emitted++;
            }
        }

        @Override
        public RecordIterator<RawRecord> readBatch() {
            RawRecord[] batch = new RawRecord[BATCH_SIZE];
            int n = 0;
            RawRecord r;
            while (n < BATCH_SIZE && (r = scanner.next()) != null) {
                batch[n++] = r;
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
            scanner.close();
        }
    }
}
