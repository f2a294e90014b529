package io.trailwatch.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.testing.NamedPipes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReplayFileSourceTest {
    @TempDir Path dir;

    private final MockSplitEnumeratorContext<FileSourceSplit> context =
            new MockSplitEnumeratorContext<>(2);
    private SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> enumerator;

    @AfterEach
    void close() throws Exception {
        if (enumerator != null) {
            enumerator.close();
        }
        context.close();
    }

    @Test
    void aReaderGetsFilesAheadOnRegisteringThenOneForEachItAsksFor() throws Exception {
        List<String> oldestFirst = flowFiles(8);
        startWithOneReader();
        enumerator.handleSplitRequest(0, "localhost");

        assertThat(assignedFiles())
                .containsExactlyElementsOf(
                        oldestFirst.subList(0, ReplayFileSource.FILES_AHEAD + 1));
        assertThat(enumerator.snapshotState(1).getSplits())
                .hasSize(8 - ReplayFileSource.FILES_AHEAD - 1);

        for (int i = ReplayFileSource.FILES_AHEAD + 1; i < 8; i++) {
            enumerator.handleSplitRequest(0, "localhost");
        }
        assertThat(assignedFiles()).containsExactlyElementsOf(oldestFirst);
        assertThat(context.hasNoMoreSplits(0)).isFalse();

        enumerator.handleSplitRequest(0, "localhost");
        assertThat(context.hasNoMoreSplits(0)).isTrue();
    }

    @Test
    void aReaderIsToldOnceThatThereAreNoMoreFilesAndThenGivenNothing() throws Exception {
        flowFiles(1);
        startWithOneReader();
        enumerator.handleSplitRequest(0, "localhost");

        assertThat(assignedFiles()).hasSize(1);
        assertThat(context.hasNoMoreSplits(0)).isTrue();

        // it may have finished by now: anything sent to it would fail the job
        context.resetNoMoreSplits(0);
        enumerator.handleSplitRequest(0, "localhost");
        enumerator.handleSplitRequest(0, "localhost");
        assertThat(context.hasNoMoreSplits(0)).isFalse();
        assertThat(assignedFiles()).hasSize(1);
    }

    @Test
    void aReaderToldThereAreNoMoreGetsFilesAgainWhenItRegistersAfterAFailure() throws Exception {
        flowFiles(1);
        startWithOneReader();
        enumerator.handleSplitRequest(0, "localhost");
        enumerator.addSplitsBack(given(0), 0);
        context.getSplitsAssignmentSequence().clear();
        enumerator.addReader(0);

        assertThat(assignedFiles()).hasSize(1);
    }

    @Test
    void filesHandedBackByAFailedReaderAreHandedOutAgainFirst() throws Exception {
        List<String> oldestFirst = flowFiles(8);
        startWithOneReader();
        enumerator.addSplitsBack(given(0), 0);
        context.getSplitsAssignmentSequence().clear();
        enumerator.addReader(0);

        assertThat(assignedFiles())
                .containsExactlyElementsOf(oldestFirst.subList(0, ReplayFileSource.FILES_AHEAD));
    }

    @Test
    void filesHandedBackByTwoReadersGoBackIntoTheirPlacesInTimeOrder() throws Exception {
        List<String> oldestFirst = flowFiles(8);
        startWithOneReader();
        context.registerReader(new ReaderInfo(1, "localhost"));
        enumerator.addReader(1);
        enumerator.handleSplitRequest(0, "localhost");
        enumerator.handleSplitRequest(1, "localhost");

        // the reader with the oldest file comes back first; the other's files are in between
        enumerator.addSplitsBack(given(0), 0);
        enumerator.addSplitsBack(given(1), 1);

        assertThat(enumerator.snapshotState(2).getSplits())
                .extracting(s -> s.path().getName())
                .containsExactlyElementsOf(oldestFirst);
    }

    @Test
    void eachFileIsNumberedByItsPlaceInTimeOrder() throws Exception {
        flowFiles(8);
        startWithOneReader();
        for (int i = 0; i < 8; i++) {
            enumerator.handleSplitRequest(0, "localhost");
        }

        assertThat(given(0))
                .extracting(FileSourceSplit::splitId)
                .containsExactlyElementsOf(
                        IntStream.range(0, 8)
                                .mapToObj(Integer::toString)
                                .collect(Collectors.toList()));
    }

    /**
     * Flink's enumerator failed on the dangling link, followed the loop some 40 levels deep, and
     * handed out the pipe and the device, on which the reading of a first event time hung.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aDirectoryGivenHandsOutItsLogFilesAndNothingThatCannotBeRead() throws Exception {
        List<String> oldestFirst = flowFiles(2);
        Files.createSymbolicLink(dir.resolve("dangling.log"), Path.of("gone.log"));
        Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("sub/up"), Path.of(".."));
        NamedPipes.create(dir.resolve("pipe"));
        startWithOneReader();
        for (int i = 0; i < 3; i++) {
            enumerator.handleSplitRequest(0, "localhost");
        }

        assertThat(assignedFiles()).containsExactlyElementsOf(oldestFirst);
        assertThat(context.hasNoMoreSplits(0)).isTrue();
    }

    /** One that has gone since the command line found it is the reader's to report. */
    @Test
    void aFileGivenIsHandedOutAsItIsEvenWhenItHasGoneSince() throws Exception {
        List<String> files = flowFiles(1);
        Path gone = dir.resolve("gone.log");
        enumerator =
                ReplayFileSource.of(
                                List.of(dir.resolve(files.get(0)), gone), DecodeLimits.defaults())
                        .createEnumerator(context);
        enumerator.start();
        context.registerReader(new ReaderInfo(0, "localhost"));
        enumerator.addReader(0);
        enumerator.handleSplitRequest(0, "localhost");

        assertThat(assignedFiles()).containsExactly(files.get(0), "gone.log");
        assertThat(given(0).get(0).fileSize()).isPositive();
        assertThat(given(0).get(1).fileSize()).isZero();
    }

    private List<FileSourceSplit> given(int reader) {
        List<FileSourceSplit> given = new ArrayList<>();
        context.getSplitsAssignmentSequence()
                .forEach(a -> given.addAll(a.assignment().getOrDefault(reader, List.of())));
        return given;
    }

    private void startWithOneReader() throws Exception {
        enumerator = source().createEnumerator(context);
        enumerator.start();
        context.registerReader(new ReaderInfo(0, "localhost"));
        enumerator.addReader(0);
    }

    private ReplayFileSource source() {
        return ReplayFileSource.of(List.of(dir), DecodeLimits.defaults());
    }

    /** Flow log files whose names sort in the reverse of their time order. */
    private List<String> flowFiles(int n) throws Exception {
        List<String> oldestFirst = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path file = dir.resolve("flows-" + (char) ('z' - i) + ".log");
            long start = 1_760_438_400L + 60L * i;
            Files.writeString(
                    file,
                    "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.3.14 198.51.100.90 49152 443 6 10 840 "
                            + start
                            + " "
                            + (start + 60)
                            + " ACCEPT OK\n");
            oldestFirst.add(file.getFileName().toString());
        }
        return oldestFirst;
    }

    private List<String> assignedFiles() {
        return context.getSplitsAssignmentSequence().stream()
                .map(SplitsAssignment::assignment)
                .flatMap(a -> a.get(0).stream())
                .map(s -> s.path().getName())
                .collect(Collectors.toList());
    }
}
