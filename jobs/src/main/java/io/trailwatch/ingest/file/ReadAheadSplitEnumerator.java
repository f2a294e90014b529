package io.trailwatch.ingest.file;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;

/**
 * Keeps every reader a few files ahead. Flink's file enumerator hands out a file only when a reader
 * asks, and a reader asks only once its last file has been consumed downstream, so each file
 * started with a round trip to the enumerator while the task that decodes sat idle: with log files
 * of a few hundred records that was half of a replay's time. A reader asks again after each file it
 * finishes, so the files given ahead at registration stay ahead.
 */
final class ReadAheadSplitEnumerator
        implements SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> {
    private final SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            onRequest;
    private final int ahead;

    /**
     * @param onRequest the enumerator that answers a request with the next file
     * @param ahead how many files a reader gets on registering, beyond the one it asks for
     */
    ReadAheadSplitEnumerator(
            SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> onRequest,
            int ahead) {
        this.onRequest = onRequest;
        this.ahead = ahead;
    }

    @Override
    public void start() {
        onRequest.start();
    }

    @Override
    public void addReader(int subtaskId) {
        for (int i = 0; i < ahead; i++) {
            onRequest.handleSplitRequest(subtaskId, null);
        }
        onRequest.addReader(subtaskId);
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        onRequest.handleSplitRequest(subtaskId, requesterHostname);
    }

    @Override
    public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
        onRequest.addSplitsBack(splits, subtaskId);
    }

    @Override
    public PendingSplitsCheckpoint<FileSourceSplit> snapshotState(long checkpointId)
            throws Exception {
        return onRequest.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        onRequest.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void close() throws IOException {
        onRequest.close();
    }
}
