package io.trailwatch.ingest.file;

import io.trailwatch.ingest.FirstEventTime;
import io.trailwatch.ingest.paths.DeclaredFlowFormats;
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
    private static final Comparator<Probed> TIME_ORDER =
            Comparator.comparingLong((Probed p) -> p.time)
                    .thenComparing(p -> p.split.path().getPath());

    private final Deque<Probed> files;

    /** How the files' flow lines without a header are read, so that they are ordered as read. */
    private final DeclaredFlowFormats flowFormats;

    private TimeOrderedSplitAssigner(List<Probed> inTimeOrder, DeclaredFlowFormats flowFormats) {
        files = new ArrayDeque<>(inTimeOrder);
        this.flowFormats = flowFormats;
    }

    /**
     * The files of a new replay in time order, each split's id its place in that order ({@link
     * #rank}), so that a reader restored with several files can take them in that order too.
     */
    public static TimeOrderedSplitAssigner numbered(
            Collection<FileSourceSplit> splits, DeclaredFlowFormats flowFormats) {
        List<Probed> ordered = inTimeOrder(splits, flowFormats);
        List<Probed> numbered = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            FileSourceSplit s = ordered.get(i).split;
            numbered.add(
                    new Probed(
                            new FileSourceSplit(
                                    Integer.toString(i),
                                    s.path(),
                                    s.offset(),
                                    s.length(),
                                    s.fileModificationTime(),
                                    s.fileSize(),
                                    s.hostnames()),
                            ordered.get(i).time));
        }
        return new TimeOrderedSplitAssigner(numbered, flowFormats);
    }

    /** The files not yet handed out at a checkpoint (numbered when the replay began). */
    public static TimeOrderedSplitAssigner restored(
            Collection<FileSourceSplit> remaining, DeclaredFlowFormats flowFormats) {
        return new TimeOrderedSplitAssigner(inTimeOrder(remaining, flowFormats), flowFormats);
    }

    /** A split's place in the time order of its replay's files; unnumbered splits come last. */
    public static long rank(FileSourceSplit split) {
        try {
            return Long.parseLong(split.splitId());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        Probed next = files.pollFirst();
        return next == null ? Optional.empty() : Optional.of(next.split);
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> returned) {
        // Splits come back when a reader fails, each reader's separately; they go back into their
        // places in the time order, not in the order the readers come back in: the readers'
        // files interleave, and one given the later files first would read the earlier ones late.
        List<Probed> all = inTimeOrder(returned, flowFormats);
        all.addAll(files);
        all.sort(TIME_ORDER);
        files.clear();
        files.addAll(all);
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        List<FileSourceSplit> remaining = new ArrayList<>(files.size());
        files.forEach(p -> remaining.add(p.split));
        return remaining;
    }

    private static List<Probed> inTimeOrder(
            Collection<FileSourceSplit> splits, DeclaredFlowFormats flowFormats) {
        List<Probed> probed = new ArrayList<>(splits.size());
        for (FileSourceSplit split : splits) {
            probed.add(new Probed(split, firstEventTime(split, flowFormats)));
        }
        probed.sort(TIME_ORDER);
        return probed;
    }

    private static long firstEventTime(FileSourceSplit split, DeclaredFlowFormats flowFormats) {
        try (InputStream in = split.path().getFileSystem().open(split.path())) {
            return FirstEventTime.of(in, LogFileFormat.declaredFor(flowFormats, split.path()));
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
