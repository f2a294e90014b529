package io.trailwatch.ingest.file;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.model.RawRecord;
import java.nio.file.Path;
import java.util.Collection;
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
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The bounded source of a replay: the given files and directories (recursively), oldest file first,
 * each reader kept {@link #FILES_AHEAD} files ahead. Reading, splits and their checkpoints are
 * Flink's file source's; only the hand-out of files is ours ({@link ReadAheadSplitEnumerator}), and
 * the order in which a reader takes back its files from a checkpoint ({@link FilesInTimeOrder}).
 */
public final class ReplayFileSource
        implements Source<RawRecord, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>,
                ResultTypeQueryable<RawRecord> {
    private static final long serialVersionUID = 1L;

    /**
     * Files a reader holds beyond the one it reads. One covers the enumerator's round trip (a file
     * takes longer to decode); more would let parallel readers drift apart in event time by that
     * many files each, and a replay at parallelism 2 then finds records later than the watermarks
     * allow (the fault-injection test saw its alerts change with four).
     */
    static final int FILES_AHEAD = 1;

    private final org.apache.flink.core.fs.Path[] paths;
    private final FileSource<RawRecord> files;

    private ReplayFileSource(org.apache.flink.core.fs.Path[] paths, FileSource<RawRecord> files) {
        this.paths = paths;
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
                flinkPaths,
                FileSource.forBulkFileFormat(new LogFileFormat(limits), flinkPaths).build());
    }

    @Override
    public Boundedness getBoundedness() {
        return files.getBoundedness();
    }

    @Override
    public SourceReader<RawRecord, FileSourceSplit> createReader(SourceReaderContext context)
            throws Exception {
        return new FilesInTimeOrder(files.createReader(context));
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            createEnumerator(SplitEnumeratorContext<FileSourceSplit> context) throws Exception {
        // as Flink's file source does for files it cannot split: one split per file, hidden files
        // left out
        Collection<FileSourceSplit> all =
                new NonSplittingRecursiveEnumerator()
                        .enumerateSplits(paths, context.currentParallelism());
        return new ReadAheadSplitEnumerator(
                context, TimeOrderedSplitAssigner.numbered(all), FILES_AHEAD);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            restoreEnumerator(
                    SplitEnumeratorContext<FileSourceSplit> context,
                    PendingSplitsCheckpoint<FileSourceSplit> checkpoint)
                    throws Exception {
        return new ReadAheadSplitEnumerator(
                context, TimeOrderedSplitAssigner.restored(checkpoint.getSplits()), FILES_AHEAD);
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
