package io.trailwatch.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.RawRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;

class FilesInTimeOrderTest {
    private final HoldingReader files = new HoldingReader();
    private final FilesInTimeOrder reader = new FilesInTimeOrder(files);

    @Test
    void filesRestoredInAnyOrderAreReadInTheReplaysTimeOrder() {
        // as Flink's reader stores them: in its hash map's order
        reader.addSplits(List.of(split("12"), split("9"), split("11"), split("10")));

        assertThat(files.held)
                .extracting(FileSourceSplit::splitId)
                .containsExactly("9", "10", "11", "12");
    }

    @Test
    void aCheckpointHoldsTheFilesInTimeOrder() {
        files.held.addAll(List.of(split("3"), split("1"), split("2")));

        assertThat(reader.snapshotState(7))
                .extracting(FileSourceSplit::splitId)
                .containsExactly("1", "2", "3");
    }

    @Test
    void filesWithoutAPlaceInTheOrderComeLastInTheirOwnOrder() {
        reader.addSplits(List.of(split("b"), split("5"), split("a"), split("4")));

        assertThat(files.held)
                .extracting(FileSourceSplit::splitId)
                .containsExactly("4", "5", "b", "a");
    }

    private static FileSourceSplit split(String id) {
        return new FileSourceSplit(id, new Path("/logs/" + id + ".log.gz"), 0, 100, 0, 100);
    }

    /** Holds the files it is given, in the order given; reads nothing. */
    @Test
    void filesAreAddedOnceWhenTheFetcherStoppedWhileTheyWereHandedOver() {
        files.failNextAdd = true;

        reader.addSplits(List.of(split("11"), split("10")));

        assertThat(files.held).extracting(FileSourceSplit::splitId).containsExactly("10", "11");
        assertThat(files.failNextAdd).isFalse();
    }

    private static final class HoldingReader implements SourceReader<RawRecord, FileSourceSplit> {
        final List<FileSourceSplit> held = new ArrayList<>();

        /** Fails the next add as Flink's fetcher manager does when its fetcher just went away. */
        boolean failNextAdd;

        @Override
        public void addSplits(List<FileSourceSplit> splits) {
            if (failNextAdd) {
                failNextAdd = false;
                throw new java.util.NoSuchElementException();
            }
            held.addAll(splits);
        }

        @Override
        public List<FileSourceSplit> snapshotState(long checkpointId) {
            return new ArrayList<>(held);
        }

        @Override
        public void start() {}

        @Override
        public InputStatus pollNext(ReaderOutput<RawRecord> output) {
            return InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return new CompletableFuture<>();
        }

        @Override
        public void notifyNoMoreSplits() {}

        @Override
        public void close() {}
    }
}
