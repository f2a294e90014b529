package io.trailwatch.ingest.file;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.paths.DeclaredFlowFormats;
import io.trailwatch.ingest.paths.LogFileTree;
import io.trailwatch.ingest.paths.SkippedPath;
import io.trailwatch.model.RawRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.apache.flink.core.fs.BlockLocation;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded source of a replay: the given files and the log files in the given directories
 * ({@link LogFileTree}), oldest file first, each reader kept {@link #FILES_AHEAD} files ahead.
 * Reading, splits and their checkpoints are Flink's file source's; only which files there are, the
 * hand-out of files ({@link ReadAheadSplitEnumerator}), and the order in which a reader takes back
 * its files from a checkpoint ({@link FilesInTimeOrder}) are ours.
 */
public final class ReplayFileSource
        implements Source<RawRecord, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>,
                ResultTypeQueryable<RawRecord> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReplayFileSource.class);

    /**
     * Files a reader holds beyond the one it reads. One covers the enumerator's round trip (a file
     * takes longer to decode); more would let parallel readers drift apart in event time by that
     * many files each, and a replay at parallelism 2 then finds records later than the watermarks
     * allow (the fault-injection test saw its alerts change with four).
     */
    static final int FILES_AHEAD = 1;

    private final org.apache.flink.core.fs.Path[] paths;
    private final FileSource<RawRecord> files;
    private final DeclaredFlowFormats flowFormats;

    private ReplayFileSource(
            org.apache.flink.core.fs.Path[] paths,
            FileSource<RawRecord> files,
            DeclaredFlowFormats flowFormats) {
        this.paths = paths;
        this.files = files;
        this.flowFormats = flowFormats;
    }

    public static ReplayFileSource of(List<Path> paths, DecodeLimits limits) {
        return of(paths, limits, DeclaredFlowFormats.NONE);
    }

    /**
     * @param flowFormats the formats declared for flow lines that come without a header line
     */
    public static ReplayFileSource of(
            List<Path> paths, DecodeLimits limits, DeclaredFlowFormats flowFormats) {
        org.apache.flink.core.fs.Path[] flinkPaths =
                paths.stream()
                        .map(ReplayFileSource::flinkPath)
                        .toArray(org.apache.flink.core.fs.Path[]::new);
        return new ReplayFileSource(
                flinkPaths,
                FileSource.forBulkFileFormat(new LogFileFormat(limits, flowFormats), flinkPaths)
                        .build(),
                flowFormats);
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
            createEnumerator(SplitEnumeratorContext<FileSourceSplit> context) {
        // as Flink's file source does for files it cannot split: one split per file
        List<FileSourceSplit> all = new ArrayList<>();
        for (org.apache.flink.core.fs.Path file : files()) {
            all.add(split(Integer.toString(all.size()), file));
        }
        return new ReadAheadSplitEnumerator(
                context, TimeOrderedSplitAssigner.numbered(all, flowFormats), FILES_AHEAD);
    }

    /**
     * The files given, and the log files in the directories given. Files are taken as they are: the
     * command line has found them readable, and one that is gone or unreadable since is the
     * reader's to report. The rest is walked: directories, and whatever must not be opened.
     */
    private List<org.apache.flink.core.fs.Path> files() {
        List<org.apache.flink.core.fs.Path> files = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (org.apache.flink.core.fs.Path p : paths) {
            Path local = Path.of(p.toUri());
            if (Files.isRegularFile(local) || Files.notExists(local)) {
                files.add(p);
            } else {
                others.add(local);
            }
        }
        LogFileTree tree = LogFileTree.walk(others);
        for (SkippedPath skipped : tree.skipped()) {
            LOG.warn("Skipping {}", skipped);
        }
        for (Path file : tree.files()) {
            files.add(flinkPath(file));
        }
        return files;
    }

    private static FileSourceSplit split(String id, org.apache.flink.core.fs.Path file) {
        try {
            FileSystem fs = file.getFileSystem();
            FileStatus status = fs.getFileStatus(file);
            Set<String> hosts = new LinkedHashSet<>();
            for (BlockLocation block : fs.getFileBlockLocations(status, 0, status.getLen())) {
                hosts.addAll(Arrays.asList(block.getHosts()));
            }
            return new FileSourceSplit(
                    id,
                    file,
                    0,
                    status.getLen(),
                    status.getModificationTime(),
                    status.getLen(),
                    hosts.toArray(new String[0]));
        } catch (IOException e) {
            // gone or unreadable since it was found: reading it gives a dead letter saying so
            return new FileSourceSplit(id, file, 0, 0, 0, 0);
        }
    }

    private static org.apache.flink.core.fs.Path flinkPath(Path path) {
        return new org.apache.flink.core.fs.Path(path.toAbsolutePath().normalize().toUri());
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            restoreEnumerator(
                    SplitEnumeratorContext<FileSourceSplit> context,
                    PendingSplitsCheckpoint<FileSourceSplit> checkpoint)
                    throws Exception {
        return new ReadAheadSplitEnumerator(
                context,
                TimeOrderedSplitAssigner.restored(checkpoint.getSplits(), flowFormats),
                FILES_AHEAD);
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
