package io.trailwatch.ingest.file;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.model.RawRecord;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The bounded source of a replay: the given files and directories (recursively), oldest file first,
 * each reader kept {@link #FILES_AHEAD} files ahead. Reading, splits and checkpoints are Flink's
 * file source's; only the hand-out of files differs ({@link ReadAheadSplitEnumerator}).
 */
public final class ReplayFileSource
        implements Source<RawRecord, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>,
                ResultTypeQueryable<RawRecord> {
    private static final long serialVersionUID = 1L;

    /**
     * Files a reader holds beyond the one it reads: enough to cover the enumerator's round trip,
     * while a reader that fails hands back only a few.
     */
    static final int FILES_AHEAD = 4;

    private final FileSource<RawRecord> files;

    private ReplayFileSource(FileSource<RawRecord> files) {
        this.files = files;
    }

    public static ReplayFileSource of(List<Path> paths, DecodeLimits limits) {
        org.apache.flink.core.fs.Path[] flinkPaths =
                paths.stream()
                        .map(
                                p ->
                                        new org.apache.flink.core.fs.Path(
                                                p.toAbsolutePath().normalize().toUri()))
                        .toArray(org.apache.flink.core.fs.Path[]::new);
        return new ReplayFileSource(
                FileSource.forBulkFileFormat(new LogFileFormat(limits), flinkPaths)
                        .setSplitAssigner(TimeOrderedSplitAssigner::new)
                        .build());
    }

    @Override
    public Boundedness getBoundedness() {
        return files.getBoundedness();
    }

    @Override
    public SourceReader<RawRecord, FileSourceSplit> createReader(SourceReaderContext context)
            throws Exception {
        return files.createReader(context);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            createEnumerator(SplitEnumeratorContext<FileSourceSplit> context) throws Exception {
        return new ReadAheadSplitEnumerator(files.createEnumerator(context), FILES_AHEAD);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            restoreEnumerator(
                    SplitEnumeratorContext<FileSourceSplit> context,
                    PendingSplitsCheckpoint<FileSourceSplit> checkpoint)
                    throws Exception {
        return new ReadAheadSplitEnumerator(
                files.restoreEnumerator(context, checkpoint), FILES_AHEAD);
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return files.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<PendingSplitsCheckpoint<FileSourceSplit>>
            getEnumeratorCheckpointSerializer() {
        return files.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return files.getProducedType();
    }
}
