package io.trailwatch.ingest.file;

import io.trailwatch.ingest.FirstEventTime;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out files in the order of their first event's time. CloudTrail and flow logs are delivered
 * as files each covering a few minutes; read in that order, event time advances as on a live stream
 * and the bounded out-of-orderness of the watermarks holds for a replay too.
 */
public class TimeOrderedSplitAssigner implements FileSplitAssigner {
    private final Deque<FileSourceSplit> splits;

    public TimeOrderedSplitAssigner(Collection<FileSourceSplit> initial) {
        List<Probed> probed = new ArrayList<>(initial.size());
        for (FileSourceSplit split : initial) {
            probed.add(new Probed(split, firstEventTime(split)));
        }
        probed.sort(
                Comparator.comparingLong((Probed p) -> p.time)
                        .thenComparing(p -> p.split.path().getPath()));
        splits = new ArrayDeque<>(probed.size());
        probed.forEach(p -> splits.add(p.split));
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        return Optional.ofNullable(splits.pollFirst());
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> returned) {
        // Splits come back when a reader fails; they are the oldest outstanding, so they go first.
        List<FileSourceSplit> list = new ArrayList<>(returned);
        for (int i = list.size() - 1; i >= 0; i--) {
            splits.addFirst(list.get(i));
        }
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        return new ArrayList<>(splits);
    }

    private static long firstEventTime(FileSourceSplit split) {
        try (InputStream in = split.path().getFileSystem().open(split.path())) {
            return FirstEventTime.of(in);
        } catch (IOException e) {
            // Unreadable now: the reader will report it; order it last.
            return Long.MAX_VALUE;
        }
    }

    private static final class Probed {
        final FileSourceSplit split;
        final long time;

        Probed(FileSourceSplit split, long time) {
            this.split = split;
            this.time = time;
        }
    }
}
