package io.trailwatch.ingest.file;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.model.RawRecord;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.connector.file.src.FileSource;

/**
 * The bounded source of a replay: the given files and directories (recursively), oldest file first.
 */
public final class ReplayFileSource {
    private ReplayFileSource() {}

    public static FileSource<RawRecord> of(List<Path> paths, DecodeLimits limits) {
        org.apache.flink.core.fs.Path[] flinkPaths =
                paths.stream()
                        .map(
                                p ->
                                        new org.apache.flink.core.fs.Path(
                                                p.toAbsolutePath().normalize().toUri()))
                        .toArray(org.apache.flink.core.fs.Path[]::new);
        return FileSource.forBulkFileFormat(new LogFileFormat(limits), flinkPaths)
                .setSplitAssigner(TimeOrderedSplitAssigner::new)
                .build();
    }
}
