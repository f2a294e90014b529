package io.trailwatch.ingest.file;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out files oldest first and keeps every reader {@code ahead} files ahead. Flink's own file
 * enumerator gives a file only when a reader asks, and a reader asks only once its last file has
 * been consumed downstream, so each file began with a round trip to the enumerator while the task
 * that decodes sat idle: with log files of a few hundred records, half of a replay's time. A reader
 * asks again after each file it finishes, so the files given ahead at registration stay ahead.
 *
 * <p>A reader is told once that there are no more files, and is given nothing after that until it
 * registers again (after a failure): it may finish as soon as it has been told, and an event for a
 * finished task fails the job.
 */
final class ReadAheadSplitEnumerator
        implements SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> {
    private final SplitEnumeratorContext<FileSourceSplit> context;
    private final FileSplitAssigner files;
    private final int ahead;
    private final Set<Integer> toldNoMore = new HashSet<>();

    /**
     * @param files the files not yet handed out, in the order to hand them out
     * @param ahead how many files a reader gets on registering, beyond the ones it asks for
     */
    ReadAheadSplitEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context, FileSplitAssigner files, int ahead) {
        this.context = context;
        this.files = files;
        this.ahead = ahead;
    }

    @Override
    public void start() {}

    @Override
    public void addReader(int subtaskId) {
        toldNoMore.remove(subtaskId);
        for (int i = 0; i < ahead; i++) {
            handOut(subtaskId, null);
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        handOut(subtaskId, requesterHostname);
    }

    private void handOut(int subtaskId, String hostname) {
        if (toldNoMore.contains(subtaskId)) {
            return;
        }
        Optional<FileSourceSplit> next = files.getNext(hostname);
        if (next.isPresent()) {
            context.assignSplit(next.get(), subtaskId);
        } else {
            context.signalNoMoreSplits(subtaskId);
            toldNoMore.add(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
        // the failed reader registers again, and gets them first
        files.addSplits(splits);
    }

    @Override
    public PendingSplitsCheckpoint<FileSourceSplit> snapshotState(long checkpointId) {
        return PendingSplitsCheckpoint.fromCollectionSnapshot(files.remainingSplits());
    }

    @Override
    public void close() {}
}
